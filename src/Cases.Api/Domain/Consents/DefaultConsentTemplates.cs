using System.Collections.Frozen;

namespace KimPlatform.Cases.Api.Domain.Consents;

/// <summary>
/// A consent text in one language. The body holds the placeholders {organisation}, {dataCategories}, {recipients},
/// {purpose} and {validUntil}; <see cref="UntilWithdrawn"/> stands in for {validUntil} when there is no end date.
/// </summary>
public sealed record ConsentTemplateText(
    string Language,
    string Title,
    string Body,
    bool RightToLeft,
    string UntilWithdrawn,
    IReadOnlyDictionary<string, string> DataCategoryNames)
{
    /// <summary>Template key, e.g. <c>referral</c>.</summary>
    public string Key { get; init; } = DefaultConsentTemplates.Key;

    /// <summary>Version of the text; the built-in texts are version 1, a tenant's own versions follow.</summary>
    public int Version { get; init; } = DefaultConsentTemplates.Version;
}

/// <summary>
/// The built-in referral consent (version 1), used while a tenant has not published its own version.
/// Plain language (A2/B1), in the voice of the person who consents.
/// </summary>
public static class DefaultConsentTemplates
{
    public const string Key = "referral";
    public const int Version = 1;

    public static IReadOnlyList<ConsentTemplateText> All { get; } =
    [
        new ConsentTemplateText(
            Language: "de",
            Title: "Einwilligung zur Weitergabe meiner Daten",
            Body: """
                Ich bin einverstanden, dass das Case Management bei {organisation} die unten genannten Angaben über mich an die genannten Empfänger weitergibt, und zwar nur für den genannten Zweck.
                Welche Angaben: {dataCategories}
                Empfänger: {recipients}
                Zweck: {purpose}
                Gültigkeit: {validUntil}
                Die Einwilligung ist freiwillig. Wenn ich nicht einwillige, hat das keine Nachteile für meine Beratung.
                Ich kann die Einwilligung jederzeit für die Zukunft widerrufen. Dazu sage ich es einfach meiner Case Managerin oder meinem Case Manager.
                Die Empfänger werden dann aufgefordert, die erhaltenen Angaben zu löschen.
                """,
            RightToLeft: false,
            UntilWithdrawn: "bis ich sie widerrufe",
            DataCategoryNames: Categories(
                identity: "Name und Geburtsdatum",
                residenceStatus: "Aufenthaltsstatus",
                languages: "Sprachen, die ich spreche",
                household: "Personen in meinem Haushalt",
                needs: "mein Bedarf in den einzelnen Lebensbereichen",
                goals: "Ziele meiner Integrationsvereinbarung",
                note: "die Notiz meiner Case Managerin oder meines Case Managers an den Empfänger",
                eventRegistrations: "meine Anmeldungen zu Veranstaltungen unter meiner E-Mail-Adresse (Verknüpfung mit meinem Fall)")),

        new ConsentTemplateText(
            Language: "en",
            Title: "Consent to share my information",
            Body: """
                I agree that the case management at {organisation} may share the information about me listed below with the recipients named below, only for the purpose stated.
                Information: {dataCategories}
                Recipients: {recipients}
                Purpose: {purpose}
                Validity: {validUntil}
                My consent is voluntary. If I do not give it, this has no disadvantage for my counselling.
                I can withdraw my consent at any time for the future. To do this, I just tell my case manager.
                The recipients will then be told to delete the information they received.
                """,
            RightToLeft: false,
            UntilWithdrawn: "until I withdraw it",
            DataCategoryNames: Categories(
                identity: "name and date of birth",
                residenceStatus: "residence status",
                languages: "languages I speak",
                household: "people in my household",
                needs: "my needs in each area of life",
                goals: "goals of my integration agreement",
                note: "my case manager's note to the recipient",
                eventRegistrations: "my event registrations under my e-mail address (linked to my case)")),

        new ConsentTemplateText(
            Language: "ar",
            Title: "موافقة على مشاركة بياناتي",
            Body: """
                أوافق على أن تقوم إدارة الحالة في {organisation} بمشاركة المعلومات المذكورة أدناه عني مع الجهات المذكورة، وذلك للغرض المذكور فقط.
                المعلومات: {dataCategories}
                الجهات المستلمة: {recipients}
                الغرض: {purpose}
                مدة الصلاحية: {validUntil}
                موافقتي طوعية. إذا لم أوافق، فلن يضرني ذلك في الاستشارة التي أحصل عليها.
                يمكنني سحب موافقتي في أي وقت بالنسبة للمستقبل، وذلك بأن أخبر مدير الحالة المسؤول عني.
                بعد ذلك يتم إبلاغ الجهات المستلمة بأن عليها حذف المعلومات التي حصلت عليها.
                """,
            RightToLeft: true,
            UntilWithdrawn: "حتى أسحب موافقتي",
            DataCategoryNames: Categories(
                identity: "الاسم وتاريخ الميلاد",
                residenceStatus: "وضع الإقامة",
                languages: "اللغات التي أتحدثها",
                household: "أفراد أسرتي الذين يعيشون معي",
                needs: "احتياجاتي في كل مجال من مجالات الحياة",
                goals: "أهداف اتفاقية الاندماج الخاصة بي",
                note: "ملاحظة مدير حالتي إلى الجهة المستلمة",
                eventRegistrations: "تسجيلاتي في الفعاليات باستخدام بريدي الإلكتروني (ربطها بملفي)")),

        new ConsentTemplateText(
            Language: "uk",
            Title: "Згода на передачу моїх даних",
            Body: """
                Я погоджуюся, що кейс-менеджмент в організації {organisation} може передавати наведені нижче дані про мене зазначеним отримувачам, але лише для зазначеної мети.
                Які дані: {dataCategories}
                Кому: {recipients}
                Мета: {purpose}
                Термін дії: {validUntil}
                Ця згода добровільна. Якщо я її не дам, це не матиме для мене жодних негативних наслідків під час консультування.
                Я можу будь-коли відкликати згоду на майбутнє. Для цього достатньо сказати про це моєму кейс-менеджеру.
                Тоді отримувачам повідомлять, що вони мають видалити отримані дані.
                """,
            RightToLeft: false,
            UntilWithdrawn: "доки я її не відкличу",
            DataCategoryNames: Categories(
                identity: "ім’я та дата народження",
                residenceStatus: "статус перебування",
                languages: "мови, якими я розмовляю",
                household: "члени мого домогосподарства",
                needs: "мої потреби в різних сферах життя",
                goals: "цілі моєї угоди про інтеграцію",
                note: "примітка мого кейс-менеджера для одержувача",
                eventRegistrations: "мої реєстрації на заходи з моєю електронною адресою (пов’язати з моєю справою)")),

        new ConsentTemplateText(
            Language: "tr",
            Title: "Verilerimin paylaşılmasına onay",
            Body: """
                {organisation} bünyesindeki vaka yönetiminin, aşağıda belirtilen bilgilerimi belirtilen alıcılarla yalnızca belirtilen amaç için paylaşmasını kabul ediyorum.
                Hangi bilgiler: {dataCategories}
                Kimlerle: {recipients}
                Amaç: {purpose}
                Geçerlilik: {validUntil}
                Bu onay gönüllüdür. Onay vermezsem, aldığım danışmanlık bundan olumsuz etkilenmez.
                Onayımı istediğim zaman ileriye dönük olarak geri alabilirim. Bunun için vaka yöneticime söylemem yeterlidir.
                Bu durumda alıcılara, aldıkları bilgileri silmeleri gerektiği bildirilir.
                """,
            RightToLeft: false,
            UntilWithdrawn: "onayımı geri alana kadar",
            DataCategoryNames: Categories(
                identity: "ad soyad ve doğum tarihi",
                residenceStatus: "oturum durumu",
                languages: "konuştuğum diller",
                household: "hanemdeki kişiler",
                needs: "yaşam alanlarına göre ihtiyaçlarım",
                goals: "entegrasyon anlaşmamın hedefleri",
                note: "vaka yöneticimin alıcıya yazdığı not",
                eventRegistrations: "e-posta adresimle yaptığım etkinlik kayıtlarım (dosyama bağlanması)")),

        new ConsentTemplateText(
            Language: "fa",
            Title: "رضایت برای ارسال اطلاعات من",
            Body: """
                موافقم که بخش مدیریت پرونده در {organisation} اطلاعات زیر را درباره من، فقط برای هدفی که ذکر شده است، در اختیار گیرندگان نام‌برده قرار دهد.
                کدام اطلاعات: {dataCategories}
                گیرندگان: {recipients}
                هدف: {purpose}
                مدت اعتبار: {validUntil}
                این رضایت داوطلبانه است. اگر رضایت ندهم، هیچ اثر منفی بر مشاوره‌ای که دریافت می‌کنم ندارد.
                من می‌توانم هر زمان رضایتم را برای آینده پس بگیرم. برای این کار کافی است به مسئول پرونده‌ام بگویم.
                در این صورت به گیرندگان اطلاع داده می‌شود که اطلاعات دریافت‌شده را پاک کنند.
                """,
            RightToLeft: true,
            UntilWithdrawn: "تا زمانی که رضایتم را پس بگیرم",
            DataCategoryNames: Categories(
                identity: "نام و تاریخ تولد",
                residenceStatus: "وضعیت اقامت",
                languages: "زبان‌هایی که صحبت می‌کنم",
                household: "افراد خانوار من",
                needs: "نیازهای من در هر حوزه از زندگی",
                goals: "اهداف توافق‌نامه ادغام من",
                note: "یادداشت مدیر پرونده‌ام برای گیرنده",
                eventRegistrations: "ثبت‌نام‌های من در رویدادها با نشانی ایمیلم (پیوند با پرونده‌ام)")),

        new ConsentTemplateText(
            Language: "ru",
            Title: "Согласие на передачу моих данных",
            Body: """
                Я даю согласие на то, чтобы кейс-менеджмент в организации {organisation} передавал указанные ниже данные обо мне указанным получателям, но только для указанной цели.
                Какие данные: {dataCategories}
                Кому: {recipients}
                Цель: {purpose}
                Срок действия: {validUntil}
                Согласие добровольное. Если я его не дам, это не будет иметь для меня никаких негативных последствий при консультировании.
                Я могу в любое время отозвать согласие на будущее. Для этого достаточно сказать об этом моему кейс-менеджеру.
                Тогда получателям сообщат, что они должны удалить полученные данные.
                """,
            RightToLeft: false,
            UntilWithdrawn: "пока я его не отзову",
            DataCategoryNames: Categories(
                identity: "имя и дата рождения",
                residenceStatus: "статус пребывания",
                languages: "языки, на которых я говорю",
                household: "члены моего домохозяйства",
                needs: "мои потребности в разных сферах жизни",
                goals: "цели моего соглашения об интеграции",
                note: "заметка моего кейс-менеджера для получателя",
                eventRegistrations: "мои регистрации на мероприятия с моим адресом электронной почты (связь с моим делом)")),
    ];

    public static ConsentTemplateText? Find(string language) =>
        All.FirstOrDefault(text => string.Equals(text.Language, language, StringComparison.Ordinal));

    // One helper for every language, so no language can miss a category key.
    private static FrozenDictionary<string, string> Categories(
        string identity, string residenceStatus, string languages, string household, string needs, string goals, string note,
        string eventRegistrations) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["identity"] = identity,
            ["residence-status"] = residenceStatus,
            ["languages"] = languages,
            ["household"] = household,
            ["needs"] = needs,
            ["goals"] = goals,
            ["note"] = note,
            ["event-registrations"] = eventRegistrations,
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
