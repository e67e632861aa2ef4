/**
 * Spoken cues that tell where the visit is: clinicians announce the exam ("let's do a quick physical
 * exam"), review results ("hey dragon, show me the x-ray", "your a1c came back"), and give the
 * assessment and plan ("let's talk about my assessment and plan", "for your first problem").
 * Matched against cleaned lower-case text; compiled once.
 */
export const COMMAND =
  /\b(?:dragon|dax)\b|\bfinalize the (?:note|report|recording)\b|^(?:\W*(?:okay|so|and|now)\W+)*show me\b/i;

export const EXAM_START =
  /\b(?:physical exam|physical examination|examine you|examine your|exam(?:ination)? (?:today|here|looks|is|was|shows)|on (?:your )?(?:\w+ )?exam|on examination|do (?:a |an |your )?(?:quick )?(?:exam|examination)|listen to your (?:heart|lungs|chest)|take a (?:quick )?look at (?:you|your|that)|check you out|exam findings|calling out)\b/i;

export const RESULTS_START =
  /\b(?:show me the|pull up|look at (?:your|the|some of your) (?:\w+ )?(?:results|labs?|x-?rays?|imaging|mri|ct|scan|ultrasound|echo\w*|ekg|blood ?work|lab work|numbers|readings|report)|looking at (?:your|the) (?:\w+ )?(?:results|labs?|x-?rays?|imaging|mri|ct|scan|ultrasound|echo\w*|ekg|blood ?work|lab work|numbers|readings|report|panel)|(?:results|labs|x-?rays?|mri|scan|ultrasound|blood work|lab work) (?:came back|showed|shows|show|were|was|looks?))\b/i;

export const PLAN_START =
  /\b(?:assessment and plan|my assessment|impression and plan|my impression|talk about my plan|my plan|for your (?:first|second|third|next|last|final) (?:problem|issue)|my diagnosis|diagnose you with|your diagnosis is|so for your|in terms of (?:the |my )?plan|the plan is|what we are going to do|what i would like to do|what i want to do)\b/i;

/** Something happens next: treatment, tests, referral, follow-up. */
export const PLAN_ACTION =
  /\b(?:prescribe|prescribed|prescription|order|ordering|refer|referral|follow[- ]?up|come back|see you back|schedule|continue|increase|decrease|start you|put you on|stop|discontinue|recommend|taper|refill|dispense|we will|we are going to|i am going to|i will|let us|i want you to|i would like you to|you should|you need to|make sure)\b/i;

/** Unmistakably a plan, even when said during the exam or the results review. */
export const STRONG_PLAN =
  /\b(?:we will|we can (?:also )?(?:try|add|start|increase|switch|change|get)|(?:i am|we are) (?:also )?going to (?:send|order|prescribe|refer|give|start|put|have|get|schedule|recommend|try|place|increase|decrease|stop|continue)|i want (?:you|the patient|him|her) to|i would like (?:you|him|her) to|prescribe|refer (?:you|him|her)|referral|the nurse will|follow[- ]?up|come back|see you back)\b/i;

/** Things a clinician finds on examination. */
export const EXAM_FINDING =
  /\b(?:exam|heart|lungs?|chest|abdomen|abdominal|belly|murmur|rub|gallop|wheez\w*|crackles|rales|rhonchi|clear|auscultation|tender\w*|palpation|swelling|swollen|edema|effusion|erythema|redness|bruis\w*|range of motion|flexion|extension|strength|reflex\w*|pulses?|sensation|neuro\w*|bowel sounds|distended|distension|soft|nontender|rebound|guarding|lymph\w*|thyroid|neck|throat|ears?|eyes?|pupils|skin|rash|lesion|wound|ulcer|incision|knee|shoulder|ankle|wrist|elbow|hip|spine|back|foot|feet|hand|fingers?|toes?|jugular|carotid|bruits?|capillary refill|gait|vital signs|blood pressure|heart rate|temperature|oxygen|looks good|looks normal|normal)\b/i;

/** Tests whose results get reviewed. */
export const RESULT_TERM =
  /\b(?:x-?rays?|mri|ct|cat scan|scan|ultrasound|echo\w*|ekg|ecg|electrocardiogram|labs?|lab work|blood ?work|a1c|hemoglobin|cholesterol|lipid|panel|cbc|blood count|creatinine|kidney function|liver|thyroid|tsh|urine|urinalysis|culture|biopsy|pathology|stress test|pulmonary function|spirometry|colonoscopy|mammogram|dexa|bone density|glucose|sugars?|potassium|sodium|vitamin|psa|results?|levels?|ejection fraction|cortisol)\b/i;

export const RESULT_VERB =
  /\b(?:showed|shows|show|revealed|reveals|demonstrated|demonstrates|came back|was|were|is|are|looks|looked|normal|abnormal|elevated|high|low|negative|positive|fracture|unremarkable)\b/i;

/** Social talk that carries no clinical fact. */
export const CHITCHAT =
  /\b(?:how are you|nice to (?:meet|see)|good to see|thank you|thanks|you are welcome|have a (?:good|great|nice)|take care|bye|goodbye|weather|how is it going|how have you been|that is great|that is good|glad to hear|sorry to hear|no worries|of course|not a problem|sounds good|sounds great|that is awesome|awesome|let me know|nurse told you about|tell dax|a little bit about you|any questions|questions for me)\b/i;

/** The patient agreeing to the plan, after the clinician asks. */
export const AGREEMENT_ASK =
  /\b(?:any (?:other )?questions|does (?:that|this) (?:sound|work)|sound (?:good|okay|like a plan|alright)|is that okay|are you okay with|okay with that|do you agree|how does that sound)\b/i;
export const AGREEMENT_YES =
  /^(?:yes|yeah|yep|yup|okay|ok|sure|sounds good|that sounds good|sounds great|that sounds great|that sounds like a plan|alright|all right|perfect|great|no questions|no,? (?:i do not|that is it|i think|not at this time|not right now|i am good)|i agree|that works|let us do it|thank you)\b/i;
