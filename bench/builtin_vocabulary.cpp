// SPDX-License-Identifier: Apache-2.0
// The generator's built-in material, used when no corpus, lexicon or Chinese sample is at hand.
#include "builtin_vocabulary.hpp"

namespace qaindex::bench::builtin {

const std::vector<std::string>& english_texts() {
    // Written for this project: short consultation-style prose covering common complaints, so
    // the trigram model has enough overlapping contexts to recombine sentences.
    static const std::vector<std::string> texts = {
        "Hello doctor, for the past two weeks I have been having headaches in the afternoon. "
        "The pain is on both sides of my head and gets worse when I look at a screen for a long "
        "time. I sleep about six hours a night and drink three cups of coffee a day. Should I "
        "have an examination, and what could be the cause?",
        "Tension headaches are common and are often related to stress, poor posture and lack of "
        "sleep. It is advisable to reduce caffeine, take regular breaks from the screen and keep "
        "a regular sleep schedule. If the headaches become more frequent or are accompanied by "
        "vomiting, weakness or changes in vision, please see a neurologist for an examination.",
        "Hello, my mother is 67 years old and has had a cough for three weeks. She coughs more at "
        "night and sometimes feels short of breath when climbing stairs. She has high blood "
        "pressure and takes medication every day. Is this something serious?",
        "A cough that lasts more than three weeks should be evaluated. Some blood pressure "
        "medications can cause a dry cough, and this is a common side effect. A chest x-ray and "
        "a lung function test may help to find the cause. Please bring her medication list to "
        "the clinic so the doctor can review it.",
        "Dear doctor, I have had an itchy red rash on my arms and neck for a month. It gets worse "
        "after a hot shower and at night. I tried a cream from the pharmacy but it did not help. "
        "What kind of skin problem could this be?",
        "An itchy rash that worsens with heat may be eczema or contact dermatitis. Keep the skin "
        "moisturised, avoid hot water and scented soaps, and wear loose cotton clothing. If the "
        "rash spreads or does not improve after two weeks, a dermatologist can examine the skin "
        "and may prescribe a stronger treatment.",
        "Hello doctor, I often feel a burning pain in my chest after meals, especially when I lie "
        "down. Sometimes there is a sour taste in my mouth. I am 45 years old and slightly "
        "overweight. Do I need a gastroscopy?",
        "These symptoms suggest acid reflux. Eat smaller meals, avoid eating within three hours "
        "of bedtime, and reduce fatty food, alcohol and coffee. Raising the head of the bed can "
        "also help. If the symptoms persist despite medication, or if you have difficulty "
        "swallowing or weight loss, an endoscopy is recommended.",
        "Doctor, my knee has been swollen and painful since I started running last month. It "
        "hurts most when I go down stairs. There was no injury that I remember. Should I stop "
        "exercising completely?",
        "Knee pain after starting to run is often caused by overuse. Rest the knee for a few "
        "days, apply ice after activity and return to running gradually. Strengthening the "
        "muscles around the knee is important. If the swelling does not go down, an examination "
        "and possibly an MRI of the knee may be needed.",
        "Hello, I have ringing in my ears for several months and sometimes feel dizzy when I "
        "stand up quickly. My hearing seems normal. Could this be related to my blood pressure?",
        "Ringing in the ears, also called tinnitus, has many causes, including noise exposure, "
        "ear wax and changes in blood flow. Dizziness on standing may be caused by low blood "
        "pressure. A hearing test and a check of your blood pressure are reasonable first steps. "
        "Please see an ear, nose and throat specialist if the symptoms continue.",
        "My daughter is four years old and has had a fever for two days. She is eating less but "
        "still drinks water and plays a little. Her temperature goes up to 39 degrees at night. "
        "When should we go to the hospital?",
        "Fever in young children is usually caused by a viral infection. Make sure she drinks "
        "enough fluids and rests. You can give a fever reducer at the correct dose for her "
        "weight. Please go to the hospital if she has difficulty breathing, a stiff neck, a rash "
        "that does not fade, or if the fever lasts more than three days.",
        "Hello doctor, I feel anxious most days and have trouble falling asleep. My heart beats "
        "fast when I am worried and I sometimes feel tightness in my chest. I had a normal heart "
        "examination last year. What should I do?",
        "Anxiety can cause a fast heartbeat, chest tightness and sleep problems. Regular exercise, "
        "relaxation techniques and a consistent sleep routine can help. Talking to a psychiatrist "
        "or a psychologist is recommended, because treatment such as therapy or medication is "
        "effective for many people.",
        "Dear doctor, I have been urinating more often than usual and feel thirsty all the time. "
        "I have also lost some weight without trying. My father has diabetes. Should I be "
        "tested?",
        "Frequent urination, thirst and unexplained weight loss are typical symptoms of high "
        "blood sugar. A fasting blood glucose test and an HbA1c test can confirm or rule out "
        "diabetes. Please arrange these tests soon, and see an endocrinologist if the results "
        "are abnormal.",
        "Hello, my periods have been irregular for half a year and the bleeding is heavier than "
        "before. I also feel tired and my lower abdomen hurts. I am 38 years old. Is an "
        "ultrasound necessary?",
        "Irregular and heavy periods can be caused by hormonal changes, fibroids or polyps. A "
        "pelvic ultrasound and blood tests, including a check for anemia, are recommended. "
        "Please consult a gynecologist, who can examine you and discuss treatment options.",
        "Doctor, I noticed blood in my urine this morning and I have pain in my lower back on the "
        "right side. I do not have a fever. What could this be?",
        "Blood in the urine with pain in the side of the back may be caused by a kidney stone or "
        "an infection. A urine test and an ultrasound of the kidneys are needed. Drink plenty of "
        "water, and go to the emergency department if the pain becomes severe or you develop a "
        "fever.",
        "Hello doctor, my eyes are red and itchy and there is a sticky discharge in the morning. "
        "My vision is a little blurred. I wear contact lenses every day.",
        "Red, itchy eyes with discharge suggest conjunctivitis. Stop wearing contact lenses until "
        "the eyes are fully healed, and do not share towels. Because you wear contact lenses and "
        "your vision is blurred, an eye examination by an ophthalmologist is important to rule "
        "out an infection of the cornea.",
        "My joints are stiff in the morning, especially my fingers and wrists, and the stiffness "
        "lasts for more than an hour. Sometimes the joints are warm and swollen. I am 52 years "
        "old.",
        "Morning stiffness lasting more than an hour with swollen joints may indicate an "
        "inflammatory arthritis such as rheumatoid arthritis. Blood tests for inflammation and "
        "specific antibodies, and x-rays of the hands, can help with the diagnosis. Early "
        "treatment by a rheumatologist can prevent joint damage.",
    };
    return texts;
}

const std::vector<BuiltinSymptom>& symptoms() {
    static const std::vector<BuiltinSymptom> list = {
        {"headache", {"head hurts", "pain in my head", "head pain"}, {"cephalalgia"}, "Neurology"},
        {"dizziness", {"feeling dizzy", "room spinning", "lightheaded"}, {"vertigo"}, "Neurology"},
        {"facial twitching",
         {"face twitching", "twitching face"},
         {"facial spasm", "hemifacial spasm"},
         "Neurology"},
        {"numbness",
         {"numb feeling", "pins and needles"},
         {"paresthesia", "hypoesthesia"},
         "Neurology"},
        {"muscle twitching", {"muscle jumping", "twitchy muscles"}, {"fasciculation"}, "Neurology"},
        {"tremor", {"shaking hands", "hands shake"}, {"tremor"}, "Neurology"},
        {"chest pain",
         {"pain in my chest", "chest hurts"},
         {"angina", "thoracic pain"},
         "Cardiology"},
        {"palpitations",
         {"heart racing", "heart pounding", "fast heartbeat"},
         {"tachycardia"},
         "Cardiology"},
        {"high blood pressure", {"blood pressure is high"}, {"hypertension"}, "Cardiology"},
        {"leg swelling", {"swollen legs", "swollen ankles"}, {"peripheral edema"}, "Cardiology"},
        {"itching", {"itchy skin", "skin itches"}, {"pruritus"}, "Dermatology"},
        {"skin rash",
         {"red rash", "rash on my skin", "red spots"},
         {"dermatitis", "exanthem"},
         "Dermatology"},
        {"hair loss", {"losing hair", "hair falling out"}, {"alopecia"}, "Dermatology"},
        {"acne", {"pimples", "breakouts"}, {"acne vulgaris"}, "Dermatology"},
        {"heartburn",
         {"burning in my chest", "acid coming up"},
         {"gastroesophageal reflux", "pyrosis"},
         "Gastroenterology"},
        {"abdominal pain",
         {"stomach ache", "belly pain", "tummy pain"},
         {"abdominal pain"},
         "Gastroenterology"},
        {"diarrhea", {"loose stools", "runny stool"}, {"diarrhoea"}, "Gastroenterology"},
        {"constipation", {"hard stools", "cannot poop"}, {"obstipation"}, "Gastroenterology"},
        {"nausea",
         {"feel sick", "queasy stomach", "want to throw up"},
         {"nausea"},
         "Gastroenterology"},
        {"tinnitus", {"ringing in the ears", "buzzing in my ears"}, {"tinnitus"}, "Otolaryngology"},
        {"sore throat", {"throat hurts", "scratchy throat"}, {"pharyngitis"}, "Otolaryngology"},
        {"nasal congestion", {"stuffy nose", "blocked nose"}, {"rhinitis"}, "Otolaryngology"},
        {"hearing loss", {"cannot hear well", "hard of hearing"}, {"hypoacusis"}, "Otolaryngology"},
        {"blurred vision",
         {"blurry vision", "things look blurry"},
         {"visual disturbance"},
         "Ophthalmology"},
        {"eye pain", {"eyes hurt", "sore eyes"}, {"ophthalmalgia"}, "Ophthalmology"},
        {"red eye",
         {"bloodshot eyes", "pink eye"},
         {"conjunctival hyperemia", "conjunctivitis"},
         "Ophthalmology"},
        {"floaters",
         {"spots in my vision", "seeing floaters"},
         {"vitreous floaters"},
         "Ophthalmology"},
        {"back pain",
         {"my back hurts", "lower back pain"},
         {"lumbago", "dorsalgia"},
         "Orthopedics"},
        {"knee pain", {"knee hurts", "sore knee"}, {"gonalgia"}, "Orthopedics"},
        {"joint swelling", {"swollen joints", "puffy joints"}, {"joint effusion"}, "Rheumatology"},
        {"joint stiffness", {"stiff joints", "joints feel stiff"}, {"arthralgia"}, "Rheumatology"},
        {"fever", {"high temperature", "running a temperature"}, {"pyrexia"}, "Pediatrics"},
        {"cough", {"coughing a lot", "hacking cough"}, {"tussis"}, "Pulmonology"},
        {"shortness of breath",
         {"out of breath", "hard to breathe", "cannot catch my breath"},
         {"dyspnea"},
         "Pulmonology"},
        {"wheezing", {"whistling when breathing", "wheezy chest"}, {"wheeze"}, "Pulmonology"},
        {"anxiety",
         {"feeling anxious", "worried all the time", "nervous feeling"},
         {"generalized anxiety"},
         "Psychiatry"},
        {"insomnia",
         {"cannot sleep", "trouble sleeping", "lying awake at night"},
         {"sleeplessness"},
         "Psychiatry"},
        {"low mood",
         {"feeling down", "feeling sad", "no motivation"},
         {"depressed mood"},
         "Psychiatry"},
        {"irregular periods",
         {"periods are irregular", "late period"},
         {"oligomenorrhea", "menstrual irregularity"},
         "Obstetrics and Gynecology"},
        {"heavy periods",
         {"heavy bleeding", "very heavy period"},
         {"menorrhagia"},
         "Obstetrics and Gynecology"},
        {"pelvic pain",
         {"pain in my lower belly", "lower abdominal pain"},
         {"pelvic pain"},
         "Obstetrics and Gynecology"},
        {"frequent urination",
         {"peeing a lot", "need to pee often"},
         {"pollakiuria", "urinary frequency"},
         "Urology"},
        {"blood in urine", {"red urine", "bloody pee"}, {"hematuria"}, "Urology"},
        {"painful urination", {"burning when I pee", "it hurts to pee"}, {"dysuria"}, "Urology"},
        {"fatigue",
         {"always tired", "no energy", "exhausted all day"},
         {"asthenia", "lethargy"},
         "Family Medicine"},
        {"weight loss",
         {"losing weight", "dropping weight"},
         {"unintentional weight loss"},
         "Family Medicine"},
        {"excessive thirst",
         {"always thirsty", "drinking a lot of water"},
         {"polydipsia"},
         "Endocrinology"},
        {"heat intolerance",
         {"always feel hot", "sweating a lot"},
         {"hyperhidrosis"},
         "Endocrinology"},
        {"swollen face",
         {"puffy face", "puffy eyes in the morning"},
         {"facial edema"},
         "Nephrology"},
        {"foamy urine", {"bubbly urine", "urine looks foamy"}, {"proteinuria"}, "Nephrology"},
        {"loss of appetite",
         {"not hungry", "do not feel like eating"},
         {"anorexia"},
         "Internal Medicine"},
        {"night sweats",
         {"sweating at night", "waking up soaked"},
         {"nocturnal hyperhidrosis"},
         "Internal Medicine"},
    };
    return list;
}

const std::vector<std::string>& conditions() {
    static const std::vector<std::string> list = {
        "Bell's palsy",
        "migraine",
        "trigeminal neuralgia",
        "epilepsy",
        "Parkinson's disease",
        "atrial fibrillation",
        "heart failure",
        "coronary artery disease",
        "eczema",
        "psoriasis",
        "urticaria",
        "gastritis",
        "irritable bowel syndrome",
        "peptic ulcer",
        "fatty liver",
        "otitis media",
        "sinusitis",
        "Meniere's disease",
        "glaucoma",
        "cataract",
        "dry eye",
        "herniated disc",
        "osteoarthritis",
        "plantar fasciitis",
        "scoliosis",
        "asthma",
        "pneumonia",
        "bronchitis",
        "depression",
        "panic disorder",
        "polycystic ovary syndrome",
        "endometriosis",
        "uterine fibroids",
        "kidney stones",
        "urinary tract infection",
        "prostatitis",
        "type 2 diabetes",
        "hypothyroidism",
        "hyperthyroidism",
        "gout",
        "rheumatoid arthritis",
        "lupus",
        "chronic kidney disease",
        "anemia",
        "influenza",
    };
    return list;
}

const std::vector<BuiltinChinese>& chinese() {
    // Written for this project: a few plain consultation sentences per department.
    static const std::vector<BuiltinChinese> list = {
        {"神经科",
         {"经常头痛怎么办？", "面部抽搐是什么原因？"},
         {"医生您好，我最近两个月经常头痛。", "有时候眼皮也会跳，晚上睡不好。",
          "请问需要做什么检查？"},
         {"头痛可能与紧张和睡眠不足有关。", "建议注意休息，减少咖啡摄入。",
          "如果症状持续，请到神经科就诊。"}},
        {"心血管科",
         {"高血压需要吃药吗？", "心慌胸闷是怎么回事？"},
         {"我今年五十岁，体检发现血压偏高。", "最近爬楼梯时感觉胸闷心慌。", "请问应该怎么治疗？"},
         {"血压偏高需要先调整生活方式。", "建议低盐饮食，适当运动。",
          "必要时在医生指导下服用降压药。"}},
        {"消化科",
         {"胃痛反酸怎么办？", "经常腹泻是什么原因？"},
         {"饭后经常胃痛，还有反酸的感觉。", "大便不成形已经一个多月了。", "需要做胃镜吗？"},
         {"这种情况可能是慢性胃炎。", "建议规律饮食，少吃辛辣油腻的食物。",
          "症状不缓解的话可以做胃镜检查。"}},
        {"内分泌科",
         {"血糖高应该注意什么？"},
         {"最近总是口渴，小便也多。", "体重下降了好几斤。", "是不是得了糖尿病？"},
         {"口渴多尿和体重下降需要检查血糖。", "建议查空腹血糖和糖化血红蛋白。",
          "确诊后要控制饮食并定期复查。"}},
        {"呼吸科",
         {"咳嗽很久不好怎么办？"},
         {"咳嗽已经三个星期了，晚上更严重。", "有时候感觉喘不上气。", "请问是肺炎吗？"},
         {"长期咳嗽需要拍胸片检查。", "建议多喝水，避免吸烟。",
          "如果出现发热或呼吸困难请及时就医。"}},
    };
    return list;
}

}  // namespace qaindex::bench::builtin
