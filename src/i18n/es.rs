use super::{Later, Plural, Strings};

pub const STRINGS: Strings = Strings {
    lang: "es",
    published: "Publicado",
    updated: "Actualizado",
    loading: "Cargando el artículo…",
    reading_time: Plural::same("{n} min de lectura"),
    error_title: "Ahora no se puede mostrar este artículo",
    error_network: "No pudimos conectar con el editor. Comprueba tu conexión e inténtalo de nuevo.",
    error_http: "El servidor del editor devolvió un error.",
    error_timeout: "El editor tardó demasiado en responder.",
    error_too_large: "El artículo es demasiado grande para mostrarlo aquí.",
    error_invalid: "Los datos del artículo están dañados o incompletos.",
    retry: "Reintentar",
    share_label: "Compártelo con familiares y amigos",
    piece_failed: "No se pudo cargar esta parte del artículo.",
};

pub const LATER: Later = Later {
    read_on_site: "Leerlo en el sitio del editor",
    continue_reading: "Seguir leyendo",
    originally_published: ("Publicado originalmente por ", ""),
    read_original: "Leer el original",
    share_native: "Compartir…",
    share_facebook: "Compartir en Facebook",
    share_x: "Compartir en X",
    share_linkedin: "Compartir en LinkedIn",
    share_whatsapp: "Compartir en WhatsApp",
    share_email: "Compartir por correo electrónico",
    copy_link: "Copiar enlace",
    link_copied: "Enlace copiado",
    copy_failed:
        "No se pudo copiar automáticamente. El enlace está seleccionado abajo: cópialo desde ahí.",
    more_from: ("Más de ", ""),
    more_from_publisher: "Más del editor",
    email_address: "Correo electrónico",
    sign_up: "Suscribirse",
    subscribed: "¡Gracias! Revisa tu bandeja de entrada para confirmar.",
    subscribe_failed: "No ha funcionado. Inténtalo de nuevo.",
    terms: "Condiciones del servicio",
    privacy: "Política de privacidad",
};
