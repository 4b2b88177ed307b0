# SPDX-License-Identifier: Apache-2.0
# Sources of the analysis module (explicit list, no globbing).
