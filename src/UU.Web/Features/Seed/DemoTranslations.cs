namespace UU.Web.Features.Seed;

/// <summary>
/// The English of the demo catalogue and stories, kept apart from the Swedish rows so each table stays readable.
/// A text missing here is shown in Swedish on the English pages, marked "In Swedish only".
/// </summary>
internal static class DemoTranslations
{
    public static readonly IReadOnlyDictionary<string, string> SubjectDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pedagogik"] = "Learning, teaching and the leadership of education in preschool, school and working life.",
        ["specialpedagogik"] = "Adaptations, support and inclusion for children and pupils in need of special support.",
        ["engelska"] = "The English language, its literature and its teaching, for teachers and professionals.",
        ["historia"] = "History and the teaching of history, local history and cultural heritage.",
        ["svenska-som-andrasprak"] = "Second-language development, language assessment and language-developing teaching.",
        ["statsvetenskap"] = "Public administration, governance and democracy in municipalities and regions.",
        ["arkivvetenskap"] = "Information management, archiving and e-archives in the public sector.",
        ["omvardnad"] = "Nursing, care of older people and person-centred care.",
        ["idrottsvetenskap"] = "Training, health and leadership in sport and wellness.",
        ["psykologi"] = "Work and organisational psychology, stress, motivation and conversation.",
        ["socialt-arbete"] = "Social services' work with children, young people and adults.",
        ["juridik"] = "Public law, administrative law, employment law and procurement.",
        ["foretagsekonomi"] = "Leadership, organisation, management control and entrepreneurship.",
        ["informatik"] = "Digitalisation, information systems and business development.",
        ["kvalitetsteknik"] = "Quality development, continuous improvement and management systems.",
        ["matematikdidaktik"] = "Teaching mathematics from preschool to upper secondary school.",
        ["naturvetenskapernas-didaktik"] = "Teaching biology, physics, chemistry and technology.",
        ["journalistik"] = "Journalism, strategic communication and digital media.",
    };

    /// <summary>
    /// Module slug -> (outcomes, separated by ';' as in Swedish; target group). Dementia care keeps its target group in
    /// Swedish only, so the demo shows how an untranslated field reads on the English page.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Outcomes, string? Target)> Modules = new Dictionary<string, (string, string?)>(StringComparer.Ordinal)
    {
        ["pedagogiskt-ledarskap-for-forskolechefer"] = ("Lead the preschool's quality work; analyse the results of the organisation; lead collegial learning.", "Principals and preschool heads"),
        ["bedomning-for-larande"] = ("Plan teaching with clear goals; give feedback that moves learning forward; assess pupils' work together.", "Teachers in compulsory and upper secondary school"),
        ["digitalisering-i-skolan"] = ("Use digital tools with a teaching purpose; teach source criticism; lead the school's digitalisation work.", "Teachers and school leaders"),
        ["skolutveckling-och-kvalitetsarbete"] = ("Analyse results and define areas for development; lead improvement work; follow up effects.", "Principals, heads of education and development leaders"),
        ["kollegialt-larande"] = ("Read and use research; carry out practice-based development projects; lead collegial conversations.", "Teachers and lead teachers"),
        ["handledning-pa-arbetsplatsen"] = ("Plan an introduction; lead supervision conversations; give constructive feedback.", "Workplace supervisors in companies, municipalities and regions"),
        ["lek-och-larande-i-forskolan"] = ("Plan teaching through play; document and analyse children's learning.", "Preschool teachers and childminders"),
        ["specialpedagogik-for-larare"] = ("Identify needs for support; design additional adaptations; write and follow up action programmes.", "Teachers in compulsory and upper secondary school"),
        ["npf-i-larmiljon"] = ("Understand how neurodevelopmental conditions affect learning; adapt structure, communication and approach.", "Teachers, pupil health staff and preschool staff"),
        ["inkluderande-larmiljoer"] = ("Survey learning environments; lead change in work teams; evaluate measures.", "Special educators, special needs teachers and pupil health staff"),
        ["las-och-skrivsvarigheter"] = ("Assess reading and writing skills; choose supportive measures and alternative tools.", "Teachers in the early years of compulsory school"),
        ["english-for-professionals"] = ("Chair meetings and give presentations in English; write clear e-mails and reports.", "Staff in companies and government agencies"),
        ["engelska-for-larare-4-6"] = ("Teach English with good language skills; plan and assess English teaching.", "Teachers in years 4–6"),
        ["engelska-for-larare-7-9"] = ("Explain grammar and pronunciation; plan varied teaching; assess pupils' language skills.", "Teachers in years 7–9"),
        ["academic-writing-in-english"] = ("Structure and argue in an English text; use correct academic language.", "Investigators and case officers"),
        ["historiedidaktik-for-larare"] = ("Plan history teaching that develops historical consciousness; use local sources.", "Teachers of history and social studies"),
        ["nationella-minoriteter"] = ("Describe the history of the national minorities; apply the requirements of the Minorities Act in municipal work.", "Municipal staff and teachers"),
        ["svenska-som-andrasprak-for-larare"] = ("Assess second-language development; plan teaching for multilingual pupils.", "Teachers in compulsory school and adult education"),
        ["sprakutvecklande-arbetssatt"] = ("Use scaffolding and genre pedagogy; plan lessons that develop both language and knowledge.", "Teachers and preschool teachers"),
        ["svenska-pa-arbetsplatsen"] = ("Communicate confidently with care recipients and colleagues; document in care records.", "Assistant nurses and care assistants"),
        ["kommunal-styrning-for-chefer"] = ("Explain the interplay between politics and administration; lead in a politically governed organisation.", "Managers in municipalities and regions"),
        ["upphandling-i-praktiken"] = ("Apply the Public Procurement Act; write tender documents; evaluate tenders lawfully.", "Procurement officers and purchasers"),
        ["skoljuridik-for-rektorer"] = ("Apply the Education Act in decisions; handle reports of degrading treatment.", "Principals and deputy principals"),
        ["gdpr-i-offentlig-verksamhet"] = ("Assess the legal basis; handle personal data breaches; carry out impact assessments.", "Case officers and managers"),
        ["ledarskap-for-forsta-linjens-chefer"] = ("Lead staff and groups; take responsibility for the work environment; manage the unit's finances.", "New managers"),
        ["strategiskt-forandringsarbete"] = ("Analyse the need for change; lead and communicate change; handle resistance.", "Management teams"),
        ["ekonomistyrning-i-kommunen"] = ("Read and explain financial reports; make forecasts; follow up activities and finances.", "Managers with budget responsibility"),
        ["digital-transformation"] = ("Analyse the organisation's digitalisation needs; lead implementation; measure benefits.", "Managers, business developers and IT strategists"),
        ["ai-i-verksamheten"] = ("Use AI tools responsibly; write guidelines for the organisation.", "All professions"),
        ["informationssakerhet-for-medarbetare"] = ("Classify information; recognise and report security incidents.", "Staff and managers"),
        ["demensvard"] = ("Give person-centred care; prevent and respond to anxiety and challenging behaviour; support relatives.", null),
        ["palliativ-vard"] = ("Relieve symptoms; hold end-of-life conversations; support relatives.", "Nurses and assistant nurses"),
        ["handledning-av-sjukskoterskestudenter"] = ("Plan and lead supervision; assess students' learning against course goals.", "Nurses who supervise students"),
        ["ledarskap-i-vard-och-omsorg"] = ("Lead for patient safety; work systematically with the work environment; lead improvement work.", "Unit managers"),
        ["halsoframjande-arbetsplats"] = ("Plan health-promoting measures; follow up effects on health and sick leave.", "HR, managers and wellness coordinators"),
        ["tranarskap-for-idrottsledare"] = ("Plan training by level of development; lead groups; create safe environments.", "Coaches and sports leaders"),
        ["stress-och-aterhamtning"] = ("Recognise early signs of stress; organise work for recovery.", "Managers, HR and safety representatives"),
        ["motiverande-samtal"] = ("Hold motivational interviews; handle ambivalence; document conversations.", "Social workers, care staff and pupil health staff"),
        ["barn-och-unga-i-socialtjansten"] = ("Carry out child welfare investigations; cooperate with schools and health care.", "Social workers and pupil health staff"),
        ["vald-i-nara-relationer"] = ("Ask about violence; assess risk; cooperate on protection and support.", "Social services and health care"),
        ["lean-och-forbattringsarbete"] = ("Map processes; lead improvement meetings; measure and follow up.", "Managers and improvement leaders"),
        ["matematikdidaktik-ak-4-6"] = ("Plan teaching in number sense and problem solving; assess reasoning skills.", "Teachers in years 4–6"),
        ["programmering-i-teknik"] = ("Plan lessons in programming; use block programming and physical circuits.", "Teachers of technology and mathematics"),
        ["strategisk-kommunikation"] = ("Draw up communication plans; communicate in a crisis; choose channels.", "Communicators and managers"),
        ["klarsprak"] = ("Write decisions and letters people understand; edit texts by plain-language principles.", "Case officers in municipalities, regions and agencies"),
        ["e-arkiv-och-informationsforvaltning"] = ("Draw up information management plans; plan the introduction of an e-archive.", "Registrars, archivists and IT strategists"),
    };

    /// <summary>Story slug -> (summary, body in Markdown, quote, results as "figure | text" lines).</summary>
    public static readonly IReadOnlyDictionary<string, (string Summary, string Body, string Quote, string Results)> Stories = new Dictionary<string, (string, string, string, string)>(StringComparer.Ordinal)
    {
        ["specialpedagogiskt-lyft-i-timra"] = (
            "Every teacher in the municipality's compulsory schools studied special education online – with supervision between the sessions.",
            "Timrå municipality wanted additional adaptations to be part of everyday life in every classroom, not only a matter for pupil health.\n\nTogether with the department we turned the course **Special education in preschool and school** into a format where the teacher teams worked on their own cases between the online sessions.\n\n- Four sessions per term\n- Supervision in the work teams\n- Examination through a development project",
            "We talk about the pupils differently now – with the focus on the learning environment.",
            "120 | teachers trained\n7.5 | credits\n9 of 10 | would recommend the course"),
        ["demensvard-i-sundsvall"] = (
            "Assistant nurses and nurses at twelve residential care homes studied dementia care together.",
            "The municipality wanted to strengthen the person-centred approach. The course was blended: lectures on campus and reflection at the workplace.\n\nThe participants documented changes in their approach and shared them between the homes.",
            "The residents' anxiety in the evenings has clearly decreased.",
            "85 | participants\n12 | care homes\n-30 % | evening alarms"),
        ["ledarskap-region-vasternorrland"] = (
            "A leadership programme for first-line managers in health care, with employment law and management control.",
            "The region recruits many new unit managers. The programme combines two regular courses and was adapted to the region's own cases.",
            "I dare to have the difficult conversations now.",
            "48 | managers\n15 | credits\n3 | groups so far"),
        ["engelska-larare-ornskoldsvik"] = (
            "Within the national teacher training initiative, middle-school teachers studied English to become qualified.",
            "The course was given online with two days on campus. The teachers tried out tasks in their own classes between the sessions.",
            "The pupils notice that I dare to speak more English in the classroom.",
            "32 | teachers\n15 | credits\n28 | became qualified"),
        ["digitalisering-harnosand"] = (
            "All school staff worked with digital tools and source criticism.",
            "The municipality wanted to give every pupil the same opportunities whatever their school. The course combined digitalisation in school with source criticism.",
            "Now we have a common language for what digital competence is.",
            "210 | staff\n8 | schools\n7.5 | credits"),
        ["upphandling-forsakringskassan"] = (
            "A tailored course in public procurement for the agency's procurement officers and purchasers.",
            "The agency wanted fewer appeals against its procurements. The course was built on parts of two regular courses in law and political science.",
            "The tender documents have become clearer.",
            "40 | participants\n7.5 | credits"),
    };
}
