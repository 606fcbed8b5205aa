use super::{Later, Plural, Strings};

pub const STRINGS: Strings = Strings {
    lang: "de",
    published: "Veröffentlicht",
    updated: "Aktualisiert",
    loading: "Artikel wird geladen …",
    reading_time: Plural::same("{n} Min. Lesezeit"),
    error_title: "Dieser Artikel kann gerade nicht angezeigt werden",
    error_network:
        "Der Verlag ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    error_http: "Der Server des Verlags hat einen Fehler gemeldet.",
    error_timeout: "Der Verlag hat zu lange nicht geantwortet.",
    error_too_large: "Der Artikel ist zu groß, um hier angezeigt zu werden.",
    error_invalid: "Die Artikeldaten sind beschädigt oder unvollständig.",
    retry: "Erneut versuchen",
    share_label: "Mit Familie und Freunden teilen",
    piece_failed: "Dieser Teil des Artikels konnte nicht geladen werden.",
};

pub const LATER: Later = Later {
    read_on_site: "Auf der Website des Verlags lesen",
    continue_reading: "Weiterlesen",
    originally_published: ("Ursprünglich veröffentlicht von ", ""),
    read_original: "Zum Original",
    share_native: "Teilen …",
    share_facebook: "Auf Facebook teilen",
    share_x: "Auf X teilen",
    share_linkedin: "Auf LinkedIn teilen",
    share_whatsapp: "Auf WhatsApp teilen",
    share_email: "Per E-Mail teilen",
    copy_link: "Link kopieren",
    link_copied: "Link kopiert",
    copy_failed: "Automatisches Kopieren nicht möglich. Der Link ist unten markiert: Kopieren Sie ihn von dort.",
    more_from: ("Mehr von ", ""),
    more_from_publisher: "Mehr vom Herausgeber",
    email_address: "E-Mail-Adresse",
    sign_up: "Anmelden",
    subscribed: "Danke! Bitte bestätigen Sie über den Link in Ihrem Posteingang.",
    subscribe_failed: "Das hat nicht geklappt. Bitte versuchen Sie es erneut.",
    terms: "Nutzungsbedingungen",
    privacy: "Datenschutzerklärung",
};
