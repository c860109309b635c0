"""Typed model of the site's data.

The YAML files in data/ are written by communication staff, so their keys are
Danish (``titel``, ``mål``); the Python names are English. Each field declares
its YAML key, whether it is required and a Danish description in its metadata:
the validator (``convert.py``) and the JSON Schema generator (``jsonschema.py``) read the model from
here, so this module is the single source of truth for the data format.

This module must not import MkDocs: the data layer outlives the site engine.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal


class Markdown(str):
    """Marker type: prose written in Markdown (rendered as safe HTML)."""


class Slug(str):
    """Marker type: an identifier used in URLs and references."""


class Url(str):
    """Marker type: an absolute http(s) URL."""


class Email(str):
    """Marker type: an e-mail address."""


@dataclass(frozen=True)
class Loc:
    """Where a value was written: file and 1-based line."""

    file: str
    line: int
    # The line of each field written in the object (Python field name -> line), for messages about one field.
    fields: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __str__(self) -> str:
        return f"{self.file}, linje {self.line}"

    def at(self, name: str) -> Loc:
        """Where a field of this object was written (the object's own line if the field was left out)."""
        return Loc(self.file, self.fields.get(name, self.line))


def f(key: str, doc: str, *, required: bool = False, default: Any = None, label: str | None = None) -> Any:
    """Declare a data field: its YAML key, Danish help text and whether it is required."""
    meta = {"key": key, "doc": doc, "required": required, "label": label or key}
    if isinstance(default, list):
        return field(default_factory=list, metadata=meta)
    return field(default=default, metadata=meta)


def loc_field() -> Any:
    """The source location of an object; set by the validator, never read from YAML."""
    return field(default=None, repr=False, compare=False, metadata={"internal": True})


# --- Site-wide vocabulary -------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class TargetGroup:
    """Who a strategy is for (voksne, børn og unge)."""

    LABEL = "målgruppe"
    id: Slug = f("id", "Kort id, fx 'voksne'. Bruges i strategiernes felt 'målgrupper'.", required=True)
    name: str = f("navn", "Navnet som læseren ser, fx 'Voksne'.", required=True)
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Audience:
    """A group of readers that the strategies ask to act: borger, medarbejder, civilsamfund."""

    LABEL = "læsergruppe"
    id: Slug = f("id", "Kort id, fx 'borger'. Bruges i 'hvad_kan_du_gøre'.", required=True)
    name: str = f("navn", "Navnet i menuen, fx 'Borger'.", required=True)
    heading: str = f("overskrift", "Overskriften på guiden, fx 'Hvis du er borger'.", required=True)
    intro: Markdown | None = f("intro", "Kort tekst øverst på guiden.")
    loc: Loc | None = loc_field()


StatusId = Literal["vedtaget", "offentliggjort", "udkast", "udgået"]


@dataclass(frozen=True, kw_only=True)
class StatusDefinition:
    """What a strategy status means, in words a citizen understands (shown beside the status)."""

    LABEL = "status"
    id: StatusId = f("id", "Statussen: 'vedtaget', 'offentliggjort', 'udkast' eller 'udgået'.", required=True)
    name: str = f("navn", "Statussen, som læseren ser den, fx 'Vedtaget'.", required=True)
    description: str = f("forklaring", "Én sætning om, hvad statussen betyder for læseren.", required=True)
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class SiteSettings:
    """data/site.yml: what is shared by every strategy on the site."""

    LABEL = "site"
    target_groups: list[TargetGroup] = f(
        "målgrupper", "De målgrupper strategierne kan have.", required=True, default=[]
    )
    audiences: list[Audience] = f("læsergrupper", "Læsergrupperne i 'Hvad kan du gøre?'.", required=True, default=[])
    statuses: list[StatusDefinition] = f(
        "statusser", "Hvad hver status betyder. Hver strategis 'status' skal stå her.", default=[]
    )
    initiative_statuses: list[InitiativeStatus] = f(
        "indsatsstatusser", "Hvad hver status for en indsats betyder. Hver indsats' 'status' skal stå her.", default=[]
    )
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Contact:
    """How to reach someone. Only what a source or the municipality has published."""

    LABEL = "kontakt"
    name: str | None = f("navn", "Navn på person eller afdeling.")
    phone: str | None = f("telefon", "Telefonnummer, fx '12 34 56 78'.")
    email: Email | None = f("email", "E-mailadresse.")
    url: Url | None = f("url", "Webadresse med kontaktoplysninger.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class AccessibilityStatement:
    """A municipality's accessibility statement (Digitaliseringsstyrelsen's WAS-Tool structure)."""

    LABEL = "tilgængelighedserklæring"
    was_url: Url | None = f("was_url", "Adressen på kommunens erklæring i WAS-Tool, hvis den findes.")
    status: Literal["overholder", "delvist", "overholder-ikke"] = f(
        "status", "Overholdes WCAG 2.1 AA: 'overholder', 'delvist' eller 'overholder-ikke'.", default="delvist"
    )
    known_issues: list[str] = f("kendte_problemer", "Kendte tilgængelighedsproblemer, én pr. punkt.", default=[])
    contact: Contact | None = f("kontakt", "Hvor man henvender sig om et tilgængelighedsproblem.")
    reviewed: dt.date | None = f("senest_gennemgået", "Dato for seneste gennemgang, fx 2026-11-23.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Municipality:
    """A municipality whose strategies the site publishes."""

    LABEL = "kommune"
    id: Slug = f("id", "Kort id, fx 'kalundborg'. Bruges i strategiernes felt 'kommune'.", required=True)
    name: str = f("navn", "Kommunens navn, fx 'Kalundborg Kommune'.", required=True)
    website: Url = f(
        "hjemmeside",
        "Kommunens hjemmeside. Læsere henvises hertil, når en kilde ikke giver kontaktoplysninger.",
        required=True,
    )
    accessibility: AccessibilityStatement | None = f("tilgængelighed", "Kommunens tilgængelighedserklæring for sitet.")
    loc: Loc | None = loc_field()


# --- Building blocks of a strategy ----------------------------------------


@dataclass(frozen=True, kw_only=True)
class Quote:
    """A quotation with the source the text gives for it."""

    LABEL = "citat"
    text: str = f("tekst", "Citatet uden anførselstegn.", required=True)
    source: str | None = f("kilde", "Hvem citatet er fra, som det står i kilden, fx 'WHO; 3'.")
    lang: str | None = f("sprog", "Sprogkode, hvis citatet ikke er på dansk, fx 'en'.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class PrincipleGroup:
    """A heading with a text and/or a bullet list: a principle or a group of principles."""

    LABEL = "princip"
    heading: str = f("overskrift", "Princippets eller gruppens overskrift.", required=True)
    text: Markdown | None = f("tekst", "Forklarende tekst.")
    items: list[str] = f("punkter", "Punkterne under overskriften.", default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Section:
    """A titled piece of prose; may hold a highlight, a quote, principles and subsections."""

    LABEL = "afsnit"
    id: Slug = f("id", "Kort id, unikt i strategien, fx 'baggrund'. Bruges i links og i 'kilde'.", required=True)
    title: str = f("titel", "Afsnittets overskrift.", required=True)
    text: Markdown | None = f("tekst", "Afsnittets tekst i Markdown.")
    highlight: str | None = f("fremhævet", "En fremhævet sætning (citatboks i den trykte strategi).")
    quote: Quote | None = f("citat", "Et citat med kilde.")
    items: list[str] = f("punkter", "En punktliste efter teksten.", default=[])
    principles: list[PrincipleGroup] = f("principper", "Principper med overskrift og tekst.", default=[])
    subsections: list[Section] = f("underafsnit", "Underafsnit.", default=[])
    note: Markdown | None = f(
        "redaktionel_note",
        "Redaktionens note til tekst, der kun giver mening i den trykte udgave (fx 'de næste sider').",
    )
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Decision:
    """Who approved a document and when."""

    LABEL = "beslutning"
    body: str = f("organ", "Det politiske organ, fx 'Socialudvalget' eller 'Byrådet'.", required=True)
    date: dt.date | None = f("dato", "Datoen, skrevet ÅÅÅÅ-MM-DD, fx 2024-12-04.")
    text: str | None = f("tekst", "Sætningen som den står i kilden, fx 'Godkendt i Byrådet den 29. maj 2024.'")
    about: str | None = f(
        "gælder",
        "Hvad beslutningen gælder, som kilden siger det, fx 'beslutningsoplægget' eller 'at der skulle udarbejdes"
        " en strategi'. Udfyld det, når beslutningen ikke er en godkendelse af selve dokumentet.",
    )
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Correction:
    """An obvious error in the source that the site corrects, listed so readers and reviewers can see it."""

    LABEL = "rettelse"
    original: str = f("fra", "Teksten som den står i kilden, fx 'adresse'.", required=True)
    corrected: str = f("til", "Teksten som den står på sitet, fx 'adressere'.", required=True)
    where: str = f("hvor", "Hvor i dokumentet, fx 'Afsnittet Baggrund og formål'.", required=True)
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class ShortList:
    """A lead-in with bullet points, e.g. 'Vi understøtter' + four points."""

    LABEL = "kort fortalt"
    lead: str = f("indledning", "Indledende ord, fx 'Vi understøtter'.", required=True)
    items: list[str] = f("punkter", "Punkterne.", required=True, default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Theme:
    """A focus area, track, pejlemærke or area: the strategy's main building block."""

    LABEL = "tema"
    id: Slug = f("id", "Kort id, unikt i strategien. Bliver en del af sidens adresse.", required=True)
    number: str | None = f("nummer", "Nummeret som strategien skriver det, fx '1' eller 'IV'.")
    title: str = f("titel", "Temaets titel.", required=True)
    motto: str | None = f("motto", "Temaets motto eller udsagn, fx 'For sammen kan vi mere!'.")
    summary: ShortList | None = f("kort_fortalt", "Kort oversigt, som på strategiens oversigtsside.")
    intro: Markdown | None = f("ingress", "Kort indledning, vist øverst.")
    text: Markdown | None = f("tekst", "Temaets tekst i Markdown.")
    goal: Markdown | None = f("mål", "Temaets mål, vist fremhævet.")
    sections: list[Section] = f("afsnit", "Afsnit på temaets side.", default=[])
    principles: list[PrincipleGroup] = f("principper", "Grupper af principper med punkter.", default=[])
    plain_summary: list[str] = f(
        "sammenfatning",
        "'Kort fortalt': 3–6 korte sætninger i hverdagssprog, én pr. punkt (LIX højst 30, højst 20 ord pr."
        " sætning). Hver sætning genfortæller kilden; intet nyt.",
        default=[],
    )
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class ThemeLabels:
    """What the strategy calls its themes and their parts."""

    LABEL = "betegnelser"
    singular: str = f("ental", "Fx 'fokusområde', 'spor', 'pejlemærke', 'område'.", required=True)
    plural: str = f("flertal", "Fx 'fokusområder', 'spor', 'pejlemærker', 'områder'.", required=True)
    motto: str = f("motto", "Overskrift over temaernes motto.", default="Derfor")
    principles: str = f("principper", "Overskrift over temaernes principper.", default="Principper")
    goal: str = f("mål", "Overskrift over temaets mål.", default="Mål")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Action:
    """Something a reader can do, as the strategy states it."""

    LABEL = "handling"
    text: str = f("tekst", "Handlingen, som den står i strategien.", required=True)
    themes: list[Slug] = f("temaer", "Id på de temaer handlingen hører til.", default=[])
    source: Slug | None = f(
        "kilde",
        "Id på det afsnit eller tema, handlingen kommer fra. Udelades, når den står i strategiens egen 'Hvad kan du gøre?'.",
    )
    participation: Slug | None = f("vær_med", "Id på en mulighed i data/vaer-med.yml, som handlingen fører til.")
    term: Slug | None = f("begreb", "Id på et begreb i ordlisten, som forklarer handlingen.")
    website: str | None = f(
        "hjemmeside",
        "Kildens egne ord, når den henviser til kommunens hjemmeside, fx 'Kurserne vil blive annonceret på"
        " hjemmesiden.' Uden 'vær_med', 'begreb' og 'hjemmeside' siger siden, at strategien ikke nævner, hvor"
        " man skal henvende sig, og viser kommunens hjemmeside.",
    )
    kind: Literal["handling", "hensigt"] = f(
        "type",
        "'handling' (noget læseren selv kan gøre; standard) eller 'hensigt' (noget kommunen vil arbejde for,"
        " fx 'Kommunen vil arbejde for …'). Hensigter vises for sig i guiderne.",
        default="handling",
    )
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class AudienceGuidance:
    """What the strategy asks one audience to do."""

    LABEL = "vejledning"
    audience: Slug = f("læsergruppe", "Id på en læsergruppe fra data/site.yml, fx 'borger'.", required=True)
    heading: str | None = f("overskrift", "Overskriften som i strategien, fx 'Hvis du er borger'.")
    actions: list[Action] = f("handlinger", "Handlingerne.", required=True, default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Source:
    """A source the strategy refers to."""

    LABEL = "kilde"
    number: str | None = f("nummer", "Henvisningsnummeret i teksten, fx '1'.")
    text: str = f("tekst", "Kilden, som den står i strategien.", required=True)
    url: Url | None = f("url", "Link til kilden, hvis strategien giver et.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Related:
    """A policy or strategy the strategy names."""

    LABEL = "relateret"
    title: str = f("titel", "Navnet på politikken eller strategien.", required=True)
    text: str | None = f("tekst", "Hvad strategien siger om den.")
    strategy: Slug | None = f("strategi", "Id på en strategi på dette site (så bliver det et link).")
    url: Url | None = f("url", "Link til dokumentet, hvis et er kendt.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Term:
    """A definition the strategy gives. Shown in the glossary and where the term is used."""

    LABEL = "begreb"
    id: Slug = f("id", "Kort id, unikt på hele sitet, fx 'mental-sundhed'.", required=True)
    term: str = f("begreb", "Begrebet, fx 'Mental sundhed'.", required=True)
    definition: Markdown = f("definition", "Definitionen, som strategien giver den.", required=True)
    short_definition: str | None = f(
        "kort_definition",
        "Højst 25 ord, der genfortæller kildens egen definition; vises, når læseren åbner begrebet i teksten."
        " Udelades, hvis kilden ikke forklarer begrebet; så linker ordet til ordlisten.",
    )
    source: str | None = f("kilde", "Hvem definitionen er fra, fx 'Sundhedsstyrelsen'.")
    forms: list[str] = f(
        "former", "Andre former af ordet, som skal forklares i teksten, fx 'mentale sundhed'.", default=[]
    )
    lang: str | None = f("sprog", "Sprogkode, hvis definitionen ikke er på dansk.")
    see_also: list[Slug] = f("se_også", "Id på beslægtede begreber i ordlisten, fx 'familierådslagning'.", default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Document:
    """A further document belonging to the strategy, e.g. its purpose paper."""

    LABEL = "dokument"
    id: Slug = f("id", "Kort id, unikt i strategien. Bliver en del af sidens adresse.", required=True)
    title: str = f("titel", "Dokumentets titel.", required=True)
    kind: str = f("dokumenttype", "Fx 'Formålspapir'.", required=True)
    decision: Decision | None = f("beslutning", "Hvem godkendte dokumentet og hvornår.")
    intro: Markdown | None = f("ingress", "Indledende tekst.")
    sections: list[Section] = f("afsnit", "Dokumentets afsnit.", required=True, default=[])
    sources: list[Source] = f("kilder", "Kilder dokumentet henviser til.", default=[])
    corrections: list[Correction] = f("rettelser", "Åbenlyse fejl i kilden, som sitet har rettet.", default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Vision:
    LABEL = "vision"
    heading: str | None = f("overskrift", "Overskriften, fx 'Visionen har en tydelig retning'.")
    text: Markdown = f("tekst", "Visionen.", required=True)
    loc: Loc | None = loc_field()


# --- Follow-up: initiatives, indicators, updates, consultation (issue 13) -----


@dataclass(frozen=True, kw_only=True)
class InitiativeStatus:
    """A status an initiative can have, defined by the organisation with a plain description."""

    LABEL = "indsatsstatus"
    id: Slug = f("id", "Kort id, fx 'i-gang'. Bruges i indsatsernes felt 'status'.", required=True)
    name: str = f("navn", "Statussen, som læseren ser den, fx 'I gang'.", required=True)
    description: str = f("forklaring", "Én sætning om, hvad statussen betyder for læseren.", required=True)
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Milestone:
    """A dated step of an initiative."""

    LABEL = "milepæl"
    date: dt.date = f("dato", "Datoen, skrevet ÅÅÅÅ-MM-DD.", required=True)
    title: str = f("titel", "Hvad der skete eller skal ske.", required=True)
    text: Markdown | None = f("tekst", "Uddybende tekst.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Measurement:
    """One measured value of an indicator."""

    LABEL = "måling"
    date: dt.date = f("dato", "Hvornår der blev målt, skrevet ÅÅÅÅ-MM-DD.", required=True)
    value: float = f("værdi", "Det målte tal, fx 42 eller 12.5.", required=True)
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Indicator:
    """What an initiative measures: baseline, target and dated measurements."""

    LABEL = "indikator"
    id: Slug = f("id", "Kort id, unikt i strategien.", required=True)
    name: str = f("navn", "Hvad der måles, fx 'Borgere i forløb'.", required=True)
    unit: str = f("enhed", "Enheden, fx 'personer' eller 'procent'.", required=True)
    baseline: float | None = f("udgangspunkt", "Tallet, da indsatsen begyndte.")
    target: float | None = f("mål", "Tallet, indsatsen sigter mod.")
    measurements: list[Measurement] = f("målinger", "Målingerne, hver med dato og værdi.", default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Link:
    """A link to a document, e.g. an evaluation."""

    LABEL = "link"
    title: str = f("titel", "Dokumentets titel.", required=True)
    url: Url = f("url", "Adressen på dokumentet.", required=True)
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Initiative:
    """An initiative ("indsats") that carries out the strategy."""

    LABEL = "indsats"
    id: Slug = f("id", "Kort id, unikt i strategien.", required=True)
    title: str = f("titel", "Indsatsens navn, som kilden skriver det.", required=True)
    theme: Slug | None = f("tema", "Id på det tema, indsatsen hører til.")
    status: Slug | None = f(
        "status",
        "Id på en status fra 'indsatsstatusser' i data/site.yml. Udelades, hvis ingen status er offentliggjort.",
    )
    responsible: str | None = f("ansvarlig", "Den ansvarlige enhed, som kilden nævner den.")
    start: dt.date | None = f("start", "Startdato, ÅÅÅÅ-MM-DD.")
    end: dt.date | None = f("slut", "Slutdato, ÅÅÅÅ-MM-DD.")
    progress: float | None = f("fremdrift", "Fremdrift i procent (0–100), hvis kommunen har offentliggjort den.")
    text: Markdown | None = f("tekst", "Kort beskrivelse.")
    milestones: list[Milestone] = f("milepæle", "Milepæle med dato og titel.", default=[])
    indicators: list[Indicator] = f("indikatorer", "Hvad indsatsen måler.", default=[])
    links: list[Link] = f("links", "Dokumenter, fx evalueringer.", default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class FollowUpPlan:
    """How the strategy is followed up, as the source describes it."""

    LABEL = "opfølgningsplan"
    text: Markdown = f("tekst", "Opfølgningen med kildens egne ord.", required=True)
    who: str | None = f("hvem", "Hvem der følger op, som kilden siger det.")
    how_often: str | None = f("hvor_ofte", "Hvor ofte, som kilden siger det, fx 'årligt'.")
    reports_to: str | None = f("rapporterer_til", "Hvem der rapporteres til, som kilden siger det.")
    source: Slug | None = f("kilde", "Id på det afsnit, hvor kilden beskriver opfølgningen.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Consultation:
    """A public consultation ("høring"): shown until its deadline has passed."""

    LABEL = "høring"
    deadline: dt.date = f("frist", "Sidste dag for høringssvar, ÅÅÅÅ-MM-DD.", required=True)
    how_to_respond: Markdown = f("sådan_svarer_du", "Sådan afgiver man høringssvar.", required=True)
    url: Url | None = f("url", "Adressen på høringen hos kommunen.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Update:
    """A dated update ("Nyt") about a strategy; shown newest first and in the Atom feeds."""

    LABEL = "nyhed"
    id: Slug = f(
        "id", "Kort id, unikt i strategien. Ændres aldrig (feedlæsere genkender nyheden på det).", required=True
    )
    date: dt.date = f("dato", "Datoen, ÅÅÅÅ-MM-DD.", required=True)
    title: str = f("titel", "Overskriften.", required=True)
    text: Markdown | None = f("tekst", "Nyheden.")
    also: list[Slug] = f("strategier", "Id på andre strategier, nyheden også handler om.", default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Progress:
    """How far the strategy has come: follow-up plan, initiatives, updates and any consultation."""

    LABEL = "opfølgning"
    plan: FollowUpPlan | None = f("plan", "Opfølgningen, som kilden beskriver den.")
    initiatives: list[Initiative] = f("indsatser", "Indsatserne. Kun dem, kilden eller kommunen nævner.", default=[])
    updates: list[Update] = f("nyt", "Daterede nyheder om strategien.", default=[])
    consultation: Consultation | None = f("høring", "Offentlig høring med frist.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Strategy:
    """One strategy: data/strategier/<id>.yml."""

    LABEL = "strategi"
    id: Slug = f("id", "Kort id, unikt på sitet. Bliver strategiens adresse.", required=True)
    municipality: Slug = f("kommune", "Id på kommunen fra data/kommuner.yml.", required=True)
    title: str = f("titel", "Strategiens titel.", required=True)
    short_title: str | None = f("kort_titel", "Kort titel til menuen.")
    kind: str = f("dokumenttype", "Fx 'Strategi' eller 'Formålspapir'.", required=True)
    area: str = f("område", "Socialområdet, fx 'Det specialiserede voksensocialområde'.", required=True)
    target_groups: list[Slug] = f("målgrupper", "Id på målgrupper fra data/site.yml.", required=True, default=[])
    status: StatusId = f(
        "status",
        "'vedtaget' (kræver 'beslutning'), 'offentliggjort' (udgivet, men kilden nævner ingen godkendelse),"
        " 'udkast' eller 'udgået'.",
        required=True,
    )
    published: str | None = f("udgivet", "Hvornår strategien er udgivet, som den selv skriver det, fx 'august 2023'.")
    decision: Decision | None = f("beslutning", "Hvem godkendte strategien og hvornår.")
    intro: Markdown | None = f("ingress", "Kort indledning øverst på strategiens side.")
    plain_summary: list[str] = f(
        "sammenfatning",
        "'Kort fortalt': 3–6 korte sætninger i hverdagssprog, én pr. punkt, om hvad strategien vil ændre og for"
        " hvem (LIX højst 30, højst 20 ord pr. sætning). Hver sætning genfortæller kilden; intet nyt.",
        default=[],
    )
    who: Markdown | None = f("hvem", "'Hvem handler det om?': hvem strategien er for, i hverdagsord fra kilden.")
    vision: Vision | None = f("vision", "Strategiens vision.")
    sections: list[Section] = f("afsnit", "Afsnit før temaerne.", default=[])
    labels: ThemeLabels = f("betegnelser", "Hvad strategien kalder sine temaer.", required=True)
    themes_intro: Markdown | None = f("temaer_intro", "Tekst over listen af temaer.")
    themes: list[Theme] = f(
        "temaer", "Strategiens temaer (fokusområder, spor, pejlemærker, …).", required=True, default=[]
    )
    implementation: list[Section] = f(
        "gennemførelse", "Afsnit efter temaerne: implementering, organisering, opfølgning.", default=[]
    )
    guidance: list[AudienceGuidance] = f("hvad_kan_du_gøre", "Hvad læsergrupperne kan gøre.", default=[])
    terms: list[Term] = f("begreber", "Begreber strategien definerer.", default=[])
    sources: list[Source] = f("kilder", "Kilder strategien henviser til.", default=[])
    sources_note: Markdown | None = f("kilder_note", "Bemærkning om kilderne, fx at kildelisten mangler.")
    related: list[Related] = f("relaterede", "Politikker og strategier, som strategien nævner.", default=[])
    documents: list[Document] = f("dokumenter", "Andre dokumenter, der hører til strategien.", default=[])
    corrections: list[Correction] = f("rettelser", "Åbenlyse fejl i kilden, som sitet har rettet.", default=[])
    progress: Progress | None = f("opfølgning", "Sådan går det: opfølgning, indsatser, nyt og høring.")
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Participation:
    """A way for volunteers and associations to take part ("Vær med")."""

    LABEL = "mulighed"
    id: Slug = f("id", "Kort id, unikt på sitet.", required=True)
    title: str = f("titel", "Hvad man kan være med til.", required=True)
    text: Markdown = f("tekst", "Beskrivelse, med ord fra strategien.", required=True)
    strategy: Slug = f("strategi", "Id på strategien, muligheden kommer fra.", required=True)
    themes: list[Slug] = f("temaer", "Id på temaer i strategien.", default=[])
    source: Slug | None = f("kilde", "Id på afsnit eller tema, hvor strategien nævner det.")
    for_whom: str = f("for_hvem", "Hvem muligheden er for.", required=True)
    getting_started: Markdown | None = f("kom_i_gang", "Sådan kommer man i gang.")
    contact: Contact | None = f(
        "kontakt", "Kontakt. Udelades, hvis kilden ikke giver en; så vises kommunens hjemmeside."
    )
    loc: Loc | None = loc_field()


# --- Files whose top level is a list -------------------------------------


@dataclass(frozen=True, kw_only=True)
class MunicipalityFile:
    """data/kommuner.yml."""

    LABEL = "kommuner.yml"
    municipalities: list[Municipality] = f(
        "kommuner", "Kommunerne, hvis strategier sitet viser.", required=True, default=[]
    )
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class ParticipationFile:
    """data/vaer-med.yml."""

    LABEL = "vaer-med.yml"
    entries: list[Participation] = f("muligheder", "Måder at være med på.", required=True, default=[])
    loc: Loc | None = loc_field()


@dataclass(frozen=True, kw_only=True)
class Site:
    """Everything in data/, validated and cross-checked."""

    settings: SiteSettings
    municipalities: list[Municipality]
    strategies: list[Strategy]
    participation: list[Participation]

    @functools.cached_property
    def strategies_by_id(self) -> dict[str, Strategy]:
        """The strategies by id, built once per loaded site."""
        return {s.id: s for s in self.strategies if s.id}


# --- Walking the structure ----------------------------------------------------


def walk_sections(sections: Iterable[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from walk_sections(section.subsections)


def strategy_anchors(strategy: Strategy) -> list[Section | Theme | Document]:
    """Everything in a strategy that an action or entry can point to with 'kilde'."""
    sections: list[Section | Theme | Document] = list(walk_sections(strategy.sections))
    sections += walk_sections(strategy.implementation)
    for theme in strategy.themes:
        sections += walk_sections(theme.sections)
    for document in strategy.documents:
        sections += walk_sections(document.sections)
    return [*sections, *strategy.themes, *strategy.documents]
