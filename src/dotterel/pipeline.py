"""The ``Coder``: builds the spaCy pipeline and the stages once, codes articles in batches.

    Article -> spaCy Doc -> mentions (extract) -> dates, actors, places (resolve) -> Event

Parsing is spaCy's; what follows it, for each parsed article, is the coding stage
(:mod:`dotterel.coding`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from .coding import CodingStage, Knowledgebase
from .extract.headlines import HEADLINE_VERBS
from .extract.lexicon import load_lexicon
from .identity import coding_identity
from .nlp.model import load_model
from .ontology import load_ontology
from .resolve.knowledge import load_knowledge
from .resolve.places import load_gazetteer
from .settings import Settings
from .types import Article, Coded, Event

__all__ = ["Coded", "Coder"]


class Coder:
    """Codes articles into events. Build one and reuse it: loading takes a few seconds.

    >>> coder = Coder()                                       # doctest: +SKIP
    >>> coder.code("Mexico broke off relations with Ecuador.", published="2024-04-06")  # doctest: +SKIP
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        # what a store records with each article this Coder codes (dotterel.identity)
        self.coded_by = coding_identity(self.settings)
        self.nlp = load_model(self.settings.model)
        # headlines whose verb the tagger read as a noun are mended in the parse itself,
        # so every stage, and any user of ``coder.nlp``, reads the mended one
        self.nlp.add_pipe(HEADLINE_VERBS, last=True)
        self.kb = Knowledgebase(
            ontology=load_ontology(),
            lexicon=load_lexicon(),
            knowledge=load_knowledge(tuple(self.settings.actor_dicts), tuple(self.settings.agent_dicts)),
            gazetteer=load_gazetteer(),
        )
        self.stage = CodingStage(self.kb)

    def code(self, text: str, published: dt.date | str | None = None, doc_id: str = "doc") -> list[Event]:
        """Code one text. ``published`` anchors relative dates ("on Wednesday")."""
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        article = Article(id=doc_id, text=text, published=published,
                          published_basis="input" if published else None)
        return next(self.code_articles([article]))[1]

    def code_articles(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """Code articles in batches (``nlp.pipe``); yields each article with its events."""
        for coded in self.code_documents(articles):
            yield coded.article, coded.events

    def code_documents(self, articles: Iterable[Article]) -> Iterator[Coded]:
        """Code articles in batches; yields each with its events and its quotes."""
        stream = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=self.settings.batch_size):
            yield self.analyse(doc, article)

    # -- one document ---------------------------------------------------------------------

    def events(self, doc: Doc, article: Article) -> list[Event]:
        """The events of one parsed article."""
        return self.analyse(doc, article).events

    def analyse(self, doc: Doc, article: Article) -> Coded:
        """The events and quotes of one article parsed by this Coder's ``nlp`` (whose
        last component mends headline verbs the tagger misread:
        :mod:`dotterel.extract.headlines`): the coding stage's work."""
        return self.stage.analyse(doc, article)
