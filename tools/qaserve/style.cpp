// SPDX-License-Identifier: Apache-2.0
// The pages' one stylesheet: readable on a phone first, two columns for results on wide screens.
#include "qaserve/pages.hpp"

namespace qaindex::serve::pages {

std::string_view stylesheet_text() {
    return R"css(:root {
  --ink: #1d2733; --muted: #5b6878; --line: #dde3ea; --paper: #fff; --ground: #f3f6f8;
  --brand: #0a6c74; --brand-dark: #07525a; --soft: #e6f3f4; --mark: #fff0a6;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Microsoft YaHei",
    sans-serif;
  color: var(--ink); background: var(--ground); line-height: 1.6;
  -webkit-text-size-adjust: 100%;
}
* { box-sizing: border-box; }
body { margin: 0; font-size: 1rem; }
a { color: var(--brand); }
a:hover { color: var(--brand-dark); }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
.wrap { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
header.site { background: var(--brand); color: #fff; }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem;
  padding-top: .6rem; padding-bottom: .6rem; }
.brand { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.15rem;
  white-space: nowrap; display: flex; align-items: center; gap: .45rem; }
.brand:hover { color: #fff; }
.brand-mark { display: inline-grid; place-items: center; width: 1.6rem; height: 1.6rem;
  border-radius: 50%; background: #fff; color: var(--brand); font-weight: 800; }
form.search { display: flex; flex: 1 1 18rem; min-width: 0; }
form.search input { flex: 1; min-width: 0; font: inherit; padding: .55rem .75rem;
  border: 1px solid var(--line); border-radius: .4rem 0 0 .4rem; background: #fff; }
form.search button, .refine button { font: inherit; font-weight: 600; padding: .55rem 1rem;
  border: 0; background: #f2a541; color: #1d2733; border-radius: 0 .4rem .4rem 0;
  cursor: pointer; }
main.wrap { padding-top: 1.25rem; padding-bottom: 2rem; }
main.narrow { max-width: 50rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem;
  background: var(--paper); }
footer.site p { margin: .6rem 0; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: .2rem 0 .8rem; }
h2 { font-size: 1.2rem; line-height: 1.35; }
.hero { background: var(--paper); border: 1px solid var(--line); border-radius: .6rem;
  padding: 1.5rem 1.25rem; margin-bottom: 1.25rem; }
.hero form.search { margin-top: 1rem; }
.hero form.search button { background: var(--brand); color: #fff; }
.browse h2 { margin: 1.25rem 0 .6rem; }
.topics, .specialties, .chips { list-style: none; padding: 0; margin: 0; display: flex;
  flex-wrap: wrap; gap: .5rem; }
.topics a, .specialties a, .chip { display: inline-block; padding: .3rem .75rem;
  border-radius: 1rem; background: var(--paper); border: 1px solid var(--line);
  text-decoration: none; }
.chip { background: var(--soft); border-color: #b7dadd; }
.n { color: var(--muted); font-size: .85em; }
.results-head .count { font-size: 1.1rem; font-weight: 600; }
.did-you-mean { font-size: 1.05rem; margin: .2rem 0 .6rem; }
.note, .empty { color: var(--muted); }
.error { background: #fdecea; border: 1px solid #f5c2bc; color: #8a1f11; padding: .6rem .8rem;
  border-radius: .4rem; }
.layout { display: grid; gap: 1.25rem; margin-top: 1rem; }
.hits { list-style: none; padding: 0; margin: 0; }
.hit, .similar-item, .consultation, .facet, .refine, .problem { background: var(--paper);
  border: 1px solid var(--line); border-radius: .6rem; }
.hit { padding: .9rem 1rem; margin-bottom: .75rem; }
.hit-title { margin: 0 0 .2rem; font-size: 1.1rem; }
.hit-title a { text-decoration: none; }
.hit-meta, .similar-by { color: var(--muted); font-size: .9rem; margin: 0 0 .35rem;
  display: flex; flex-wrap: wrap; gap: .2rem .6rem; align-items: center; }
.tag { background: var(--soft); color: var(--brand-dark); padding: 0 .5rem;
  border-radius: .3rem; font-weight: 600; }
.hit-snippet { margin: 0; overflow-wrap: anywhere; }
.facet, .refine { padding: .75rem 1rem; margin-bottom: .75rem; }
.facet h2 { font-size: 1rem; margin: 0 0 .4rem; }
.facet ul { list-style: none; padding: 0; margin: 0; }
.facet li a { display: flex; justify-content: space-between; gap: .5rem; padding: .2rem .3rem;
  border-radius: .3rem; text-decoration: none; color: var(--ink); }
.facet li a:hover { background: var(--ground); }
.facet li a.on { background: var(--soft); color: var(--brand-dark); font-weight: 600; }
.facet li a.on::before { content: "✓"; }
.more summary, .refine summary { cursor: pointer; color: var(--brand); }
.refine label { display: block; margin: .5rem 0; font-size: .9rem; }
.refine input, .refine select { font: inherit; padding: .3rem; max-width: 100%; }
.refine button { border-radius: .4rem; }
.pager { display: flex; justify-content: space-between; align-items: center; gap: 1rem;
  margin: 1rem 0; }
.crumbs { font-size: .9rem; color: var(--muted); display: flex; gap: .4rem; margin-bottom: .6rem; }
.consultation { padding: 1.25rem; }
.consultation h1 { margin-top: 0; }
.question p, .reply-text p, .more-info p { margin: 0 0 .7rem; overflow-wrap: anywhere; }
.asker { color: var(--muted); font-size: .9rem; border-bottom: 1px solid var(--line);
  padding-bottom: .9rem; }
.reply { margin-top: 1rem; padding: .9rem 1rem; background: var(--soft); border-radius: .5rem;
  border-left: 4px solid var(--brand); }
.reply-by { font-size: 1rem; margin: 0 0 .5rem; font-weight: 400; color: var(--muted); }
.reply-by .doctor, .reply-by .specialty { color: var(--ink); font-weight: 700; }
.reply-date { color: var(--muted); font-size: .85rem; margin: 0; }
.more-info { margin-top: 1.25rem; }
.similar, .related { margin-top: 1.75rem; }
.similar h2, .related h2 { border-bottom: 2px solid var(--brand); padding-bottom: .3rem; }
.similar-item { padding: .9rem 1rem; margin-bottom: .75rem; }
.similar-item h3 { margin: 0 0 .3rem; font-size: 1.05rem; }
.similar-item h3 a { text-decoration: none; }
.similar-question, .similar-reply { margin: 0 0 .35rem; overflow-wrap: anywhere; }
.similar-reply { color: var(--muted); }
.read-more { white-space: nowrap; font-weight: 600; }
.read-more::before { content: "["; } .read-more::after { content: "]"; }
.topic-specialty { color: var(--muted); margin-left: .2rem; font-size: .9em; }
.to-facets { margin: 0 0 .5rem; font-size: .95rem; }
.problem { padding: 1.25rem; }
@media (min-width: 48rem) {
  .to-facets { display: none; }
  .layout { grid-template-columns: 15rem 1fr; align-items: start; }
  .layout .results { grid-column: 2; grid-row: 1; }
  .layout .facets { grid-column: 1; grid-row: 1; }
  .hero { padding: 2.5rem 2rem; }
  h1 { font-size: 1.8rem; }
}
)css";
}

}  // namespace qaindex::serve::pages
