"""Threat rules in Spanish, as comments on an agency's page in a Spanish-speaking community say
them (text arrives with its accents folded: "policía" is read as "policia"): a harm promised
("le vamos a quemar la casa", "les meto un balazo"), a price to pay, knowing where someone lives,
a watch kept on an official's family, a death wished on the police, a year an official "won't
live to see the end of". Each is (anchor groups, pattern), read as the English rules are, with
the same guards."""

from __future__ import annotations

from page_governor.moderation.threat_idioms import anchor_group as _g

# officers and officials, in Spanish
_OFICIALES = (
    r"(policias?|polis|puercos|cerdos|sheriffs?|alguaciles|alguacil|jueces|juez|jueza|alcalde|"
    r"alcaldesa|oficiales|oficial|agentes|agente|migra|comisionados?|fiscal|fiscales|tiras|"
    r"patrulleros?|chotas?)"
)


# fmt: off
RULES: tuple[tuple[tuple[frozenset[str], ...], str], ...] = (
    # the plainest: "te voy a matar", "vas a morir", "sabemos donde vives", "te mato"
    ((_g("matar", "quemar", "golpear", "disparar", "encontrar"),),
     r"\b(te|lo|la|los|las)\s+(voy|vamos|van)\s+a\s+(matar|quemar|golpear|disparar|encontrar)\b"),
    ((_g("morir"),), r"\b(vas|van)\s+a\s+morir\b"),
    ((_g("sabemos"),), r"\bsabemos\s+donde\s+(vives|viven|duermen|duermes|trabajas)\b"),
    ((_g("mato"),), r"\bte\s+mato\b"),
    ((_g("muera", "mueran"),), r"\bojala\s+(te|se)\s+mueran?\b"),
    # "le vamos a quemar la casa", "le voy a romper la cara" (the English rules' "I'll burn
    # his house", "I'm going to break his face")
    ((_g("voy", "vamos", "van"), _g("quemar", "incendiar", "balear", "matar", "romper", "partir", "reventar", "madrear", "chingar", "golpear", "disparar", "apunalar", "acuchillar", "rajar", "levantar", "desaparecer")),
     r"\b(le|les|te|lo|la|los|las) (voy|vamos|van) a (quemar|incendiar|balear|matar|romper|partir|reventar|"
     r"madrear|chingar|golpear|disparar|apunalar|acuchillar|rajar|levantar|desaparecer)\b"
     # (not a record, calories or a game: "te voy a romper el record en la carrera")
     r"(?!\s+(el |la |los |las |tu |su |sus )?(record|marca|tiempo|racha|calorias|hielo|esquemas?|meta|pinata|"
     r"premio)\b)(?![^.!?]{0,60}\b(partido|juego|carrera|futbol|torneo|5k|benefico|competencia|concurso)\b)"),
    # a price paid in life or blood: "va a pagar caro" (not "va a pagar la multa")
    ((_g("pagar"), _g("caro", "vida", "vidas", "sangre")),
     r"\b(va|vas|van|vamos a hacer que|lo vamos a hacer|la vamos a hacer) a? ?pagar (bien |muy )?(caro|con (su|tu|sus) vidas?|con sangre)\b"),
    # knowing where someone lives or works: "ya se donde vive" (the English "I know where he lives")
    ((_g("donde"), _g("se", "sabemos", "conozco", "conocemos", "sabe")),
     r"\b(ya )?(se|sabemos|conozco|conocemos) (donde|en donde|a donde) (vive|vives|viven|duerme|duermen|trabaja|"
     r"trabajas|estudian|estudia|estaciona|va a la escuela|van a la escuela)\b"
     # (not one's own family or a suspect: "ya se donde vive mi abuela, gracias a los oficiales")
     r"(?!\s+(mi|mis|nuestro|nuestra|nuestros|nuestras|el sospechoso|la sospechosa|los sospechosos)\b)"
     r"(?![^\n]{0,60}\b(gracias|arrest\w*|sospechos\w*|ayud\w*|detenido|capturado)\b)"),
    # "cuidese mucho cuando salga del turno" (not "cuidese en la tormenta")
    ((_g("cuidese", "cuidate", "cuidense"), _g("salga", "salgas", "salgan", "sale", "salir")),
     r"\bcuid(ese|ate|ense)\b[^.!?]{0,40}\b(cuando|al) (salga|salgas|salgan|sale|salir) (del|de la|de su|de tu) "
     r"(turno|estacion|casa|trabajo|corte|oficina)\b"
     # (not advice with its reason: "la calle esta oscura, pongan luces")
     r"(?![^\n]{0,60}\b(oscur\w*|luces|lluvia|tormenta|hielo|trafico|peligros\w*|gracias|bendicion\w*|dios)\b)"),
    # "les meto un balazo a todos"
    ((_g("meto", "meter", "meteremos"), _g("balazo", "balazos", "bala", "balas", "plomo", "tiro", "tiros", "punalada", "cuchillada")),
     r"\b(le|les|te) (meto|voy a meter|vamos a meter|meteremos) (un |una |unos |unas )?(balazo|balazos|bala|"
     r"balas|plomo|tiro|tiros|punalada|cuchillada)\b"),
    # death wished on the police: "ojala que maten a todos los policias"
    ((_g("ojala"), _g("maten", "mueran", "revienten", "quemen", "balaceen")),
     r"\bojala (que )?(maten|mueran|se mueran|revienten|quemen|balaceen) (a )?(todos )?(los |las |esos |esas |"
     r"ese |esa |el |la )?" + _OFICIALES + r"\b"),
    # a watch kept: "digale a su esposa que la estamos vigilando" (not a police alert's "lo
    # estamos buscando")
    ((_g("vigilando", "observando", "cazando"), _g("estamos", "estoy", "estan", "andamos", "ando")),
     r"\b(la|lo|los|las|te|les) (estamos|estoy|estan|andamos|ando) (vigilando|observando|cazando)\b"),
    # "el alcalde no va a llegar a fin de ano" (not "el presupuesto no va a llegar")
    ((_g("llegar"), _g("ano", "navidad", "lunes", "semana", "jubilacion", "juicio")),
     r"\b((el|la|ese|esa) " + _OFICIALES + r"|usted|tu) no (va|vas) a llegar (a|al) (fin de ano|navidad|"
     r"el lunes|la semana que viene|su jubilacion|tu jubilacion|el juicio)\b"),
)
# fmt: on
