namespace KimPlatform.Seed.County;

/// <summary>The offers partner organisations publish, the same kinds in every county, in the languages their staff speak.</summary>
internal static class Offers
{
    private static Dictionary<string, string> T(params (string Language, string Text)[] texts) => texts.ToDictionary(t => t.Language, t => t.Text);

    public static OfferPlan[] Jobcenter(string place) =>
    [
        new(["work"], ["young-adults", "newly-arrived"],
            T(("de", "Bewerbungscoaching für Geflüchtete"), ("en", "Job application coaching for refugees"), ("uk", "Коучинг із пошуку роботи для біженців"), ("ar", "تدريب على طلبات العمل للاجئين")),
            T(("de", $"Lebenslauf, Anschreiben und Vorstellungsgespräch: Einzeltermine im Jobcenter {place}."), ("en", $"CV, cover letter and interview practice: individual appointments at the Jobcenter {place}."),
              ("uk", "Резюме, супровідний лист і підготовка до співбесіди: індивідуальні консультації."), ("ar", "السيرة الذاتية ورسالة التقديم والتحضير للمقابلة: مواعيد فردية.")),
            20, ByAppointment: true),
        new(["work", "education"], ["young-adults"],
            T(("de", "Anerkennung ausländischer Berufsabschlüsse"), ("en", "Recognition of foreign qualifications"), ("ar", "الاعتراف بالشهادات المهنية الأجنبية")),
            T(("de", "Beratung zur Anerkennung von Abschlüssen, Anpassungsqualifizierung und Kostenübernahme."), ("en", "Advice on recognising degrees, bridging courses and who pays for them."),
              ("ar", "استشارة حول الاعتراف بالشهادات ودورات التأهيل وتغطية التكاليف.")),
            null, ByAppointment: false, "wednesday", "09:00", "12:00"),
    ];

    public static OfferPlan[] Vhs(string place) =>
    [
        new(["language"], ["newly-arrived"],
            T(("de", "Integrationskurs mit Alphabetisierung"), ("ar", "دورة اندماج مع محو الأمية"), ("fa", "دوره ادغام همراه با سوادآموزی")),
            T(("de", $"Deutsch von Anfang an, auch für Menschen, die das lateinische Alphabet noch lernen. VHS {place}, vormittags."),
              ("ar", "تعلم الألمانية من البداية، أيضاً لمن يتعلمون الحروف اللاتينية."), ("fa", "آموزش آلمانی از ابتدا، برای کسانی که الفبای لاتین را تازه یاد می‌گیرند.")),
            18, ByAppointment: false, "monday", "08:30", "12:30"),
        new(["language", "work"], ["young-adults", "women"],
            T(("de", "Berufssprachkurs B2"), ("uk", "Професійний мовний курс B2"), ("ru", "Профессиональный языковой курс B2"), ("en", "German for work (B2)")),
            T(("de", "Deutsch für den Beruf mit Schwerpunkt Pflege, Handwerk und Büro."), ("uk", "Німецька для роботи: догляд, ремесло, офіс."),
              ("ru", "Немецкий для работы: уход, ремесло, офис."), ("en", "German for work, focusing on care, trades and office jobs.")),
            20, ByAppointment: false, "tuesday", "17:30", "20:45"),
        new(["language", "family"], ["women", "families"],
            T(("de", "Deutsch für Eltern mit Kinderbetreuung"), ("tr", "Çocuk bakımı ile ebeveynler için Almanca"), ("ar", "الألمانية للآباء مع رعاية الأطفال")),
            T(("de", "Sprachkurs am Vormittag, während die Kinder nebenan betreut werden."), ("tr", "Çocuklar yan odada bakılırken sabah dil kursu."),
              ("ar", "دورة لغة صباحية بينما يتم الاعتناء بالأطفال في الغرفة المجاورة.")),
            12, ByAppointment: false, "thursday", "09:00", "11:30"),
    ];

    public static OfferPlan[] Caritas(string place) =>
    [
        new(["counselling", "residence"], ["newly-arrived", "families"],
            T(("de", "Migrationsberatung für Erwachsene"), ("ar", "استشارات الهجرة للبالغين"), ("fa", "مشاوره مهاجرت برای بزرگسالان"), ("en", "Migration counselling for adults")),
            T(("de", $"Beratung zu Aufenthalt, Familiennachzug, Behördenpost und Leistungen, Caritas {place}."), ("ar", "استشارة حول الإقامة ولم شمل الأسرة ورسائل الدوائر الرسمية."),
              ("fa", "مشاوره درباره اقامت، پیوستن خانواده و نامه‌های اداری."), ("en", "Advice on residence, family reunification, letters from authorities and benefits.")),
            null, ByAppointment: false, "tuesday", "09:00", "12:00"),
        new(["family", "language"], ["women", "families"],
            T(("de", "Müttercafé mit Sprachkurs"), ("ar", "مقهى الأمهات مع دورة لغة"), ("uk", "Кафе для мам із мовним курсом")),
            T(("de", "Deutsch lernen und sich austauschen, während die Kinder betreut werden."), ("ar", "تعلّم الألمانية أثناء رعاية الأطفال."),
              ("uk", "Вивчайте німецьку, поки діти під наглядом.")),
            12, ByAppointment: false, "friday", "09:30", "11:30"),
    ];

    public static OfferPlan[] Diakonie(string place) =>
    [
        new(["health", "counselling"], ["newly-arrived", "people-with-disabilities"],
            T(("de", "Psychosoziale Beratung für Geflüchtete"), ("en", "Psychosocial counselling for refugees"), ("uk", "Психосоціальна консультація для біженців"), ("ar", "استشارة نفسية اجتماعية للاجئين")),
            T(("de", $"Vertrauliche Gespräche bei Belastung, Trauer und Schlafproblemen, mit Dolmetschenden. Diakonie {place}."),
              ("en", "Confidential talks about stress, grief and sleep problems, with interpreters."), ("uk", "Конфіденційні розмови про стрес, втрату та проблеми зі сном."),
              ("ar", "محادثات سرية حول الضغط النفسي والحزن ومشاكل النوم، مع مترجمين.")),
            10, ByAppointment: true),
        new(["housing"], ["families"],
            T(("de", "Sprechstunde Wohnungssuche"), ("en", "Flat-hunting consultation"), ("tr", "Ev arama danışma saati")),
            T(("de", "Hilfe bei Wohnungsanzeigen, Besichtigungen, Mietvertrag und Wohnberechtigungsschein."), ("en", "Help with listings, viewings, tenancy agreements and housing permits."),
              ("tr", "İlanlar, ev gezme, kira sözleşmesi ve konut izni konusunda yardım.")),
            null, ByAppointment: false, "thursday", "14:00", "17:00"),
    ];

    public static OfferPlan[] MigrantOrganisation(string place) =>
    [
        new(["education", "family"], ["youth", "families"],
            T(("de", "Hausaufgabenhilfe und Elterntreff"), ("ar", "مساعدة في الواجبات المدرسية ولقاء الأهل"), ("tr", "Ödev yardımı ve veli buluşması")),
            T(("de", $"Zweimal pro Woche Hausaufgabenhilfe in {place}; einmal im Monat ein Elterntreff zu Schule und Ausbildung."),
              ("ar", "مساعدة في الواجبات مرتين أسبوعياً؛ ولقاء شهري للأهل حول المدرسة والتدريب المهني."), ("tr", "Haftada iki kez ödev yardımı; ayda bir okul ve meslek eğitimi üzerine veli buluşması.")),
            15, ByAppointment: false, "wednesday", "15:00", "17:00"),
        new(["mentoring", "language"], ["newly-arrived", "seniors"],
            T(("de", "Sprachpatenschaften"), ("fa", "همراهی زبانی"), ("ar", "رعاية لغوية")),
            T(("de", "Ehrenamtliche üben Deutsch im Alltag und begleiten zu Terminen."), ("fa", "داوطلبان در زندگی روزمره آلمانی تمرین می‌کنند و در قرارها همراهی می‌کنند."),
              ("ar", "متطوعون يتدربون معك على الألمانية في الحياة اليومية ويرافقونك إلى المواعيد.")),
            null, ByAppointment: true),
    ];

    public static OfferPlan[] School(string place) =>
    [
        new(["education"], ["youth"],
            T(("de", "Seiteneinstieg: Beratung für Eltern neu zugewanderter Kinder"), ("uk", "Консультація для батьків новоприбулих дітей"), ("ar", "استشارة لأولياء أمور الأطفال القادمين حديثاً")),
            T(("de", $"Schulanmeldung, internationale Förderklassen und Übergang in die Ausbildung in {place}."),
              ("uk", "Запис до школи, міжнародні класи підтримки та перехід до професійного навчання."), ("ar", "التسجيل في المدرسة وصفوف الدعم الدولية والانتقال إلى التدريب المهني.")),
            null, ByAppointment: true),
    ];
}
