"""Threats in Spanish (``moderation.threat_spanish``), in other words than the eighteenth
session's probe list, beside everyday Spanish comments on an agency's page."""

from __future__ import annotations

import pytest

from tests.moderation_helpers import threat


@pytest.mark.parametrize(
    "text",
    [
        "A ese agente lo vamos a desaparecer, ya verá.",
        "El juez me las va a pagar con su vida.",
        "Conozco dónde estaciona la jueza todas las mañanas.",
        "Cuídate al salir de la estación, oficial. Nunca se sabe.",
        "Al próximo tira que me pare le meto un tiro.",
        "Ojalá se mueran esos puercos.",
        "Comisionado, a sus hijos los estamos observando.",
        "Usted no va a llegar a Navidad, sheriff.",
    ],
)
def test_a_threat_in_spanish_is_read_as_a_threat(text: str) -> None:
    assert threat(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lo estamos buscando: mujer de 40 años, vista en el parque.",
        "Sé dónde vive mi tía y ya la visitaron los bomberos, gracias.",
        "El conductor va a pagar la multa mañana.",
        "Cuídense al salir del trabajo, hay hielo en las calles.",
        "Les vamos a ganar en el torneo de fútbol, oficiales.",
        "Ojalá que los agentes tengan un buen fin de semana.",
        "El parque no va a llegar a fin de año sin más fondos.",
    ],
)
def test_everyday_spanish_comments_in_the_same_words_are_not_threats(text: str) -> None:
    assert not threat(text)
