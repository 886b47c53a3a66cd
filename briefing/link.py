"""Link: typed content -> one frozen site graph (merged events, references, backlinks,
related items, relations, sorted timeline). Pure: no IO."""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from heapq import nlargest
from typing import Any, Generic, TypeVar

from briefing.dates import PartialDate, most_precise_fit
from briefing.diagnostics import Diagnostic, did_you_mean, error, warning
from briefing.graph import CarrierStats, Event, EventSource, Graph, Relation
from briefing.model import Article, Body, Content, Loc, Node, Occurrence, Ref, Site
from briefing.salvage import defines_event, may_mention
from briefing.schema import DEAL_KINDS
from briefing.targets import track_targets
from briefing.weeks import group_weeks

_DEAL_QUALIFIERS = (None, "about")
T = TypeVar("T")
RELATED_LIMIT = 5


def _err(loc: Loc, code: str, message: str) -> Diagnostic:
    return error(loc.path, loc.line, loc.col, code, message)


def _warn(loc: Loc, code: str, message: str) -> Diagnostic:
    return warning(loc.path, loc.line, loc.col, code, message)


@dataclass(frozen=True, slots=True)
class _Made(Generic[T]):
    """A part of a link: its value, the ids it marked used and the problems it found."""

    value: T
    used: frozenset[str]
    problems: tuple[Diagnostic, ...]


class _Resolver:
    """Checks references and suggests near ids, names and aliases."""

    def __init__(self, nodes: dict[str, Node], broken: frozenset[str] = frozenset()) -> None:
        self.nodes = nodes
        self.broken = broken  # ids of files with errors already reported
        self.aliases: dict[str, str] = {}
        for node in nodes.values():
            for alias in (*node.aliases, *node.name.all()):
                self.aliases.setdefault(alias, node.id)
        self.problems: list[Diagnostic] = []
        self.used: set[str] = set()
        self._log: list[str] | None = None  # while capturing: the ids marked used

    def capture(self, problems: list[Diagnostic], make: Callable[[], T]) -> _Made[T]:
        """make(), with the ids it marked used and the problems it reported (taken out of
        `problems` and this resolver's, to be replayed): a part a later link may reuse."""
        start, own_start = len(problems), len(self.problems)
        self._log = []
        try:
            value = make()
            made = _Made(value, frozenset(self._log),
                         (*problems[start:], *self.problems[own_start:]))
        finally:
            self._log = None
        del problems[start:]
        del self.problems[own_start:]
        return made

    def replay(self, made: _Made[T], problems: list[Diagnostic]) -> T:
        self.used.update(made.used)
        problems.extend(made.problems)
        return made.value

    def use(self, node_id: str) -> None:
        self.used.add(node_id)
        if self._log is not None:
            self._log.append(node_id)

    def check(self, ref: Ref, want: str) -> bool:
        node = self.nodes.get(ref.id)
        what = {"carrier": "carrier", "entity": "entity", "any": "carrier or entity"}[want]
        if node is None:
            if ref.id not in self.broken:
                ids = [n.id for n in self.nodes.values()
                       if want == "any" or n.is_carrier == (want == "carrier")]
                hint = did_you_mean(ref.id, ids, self.aliases)
                self.problems.append(_err(ref.loc, "unknown-ref",
                                          f"{what} '{ref.id}' not found{hint}"))
            return False
        self.use(ref.id)  # referenced, even if in the wrong list
        if want == "carrier" and not node.is_carrier:
            self.problems.append(_err(ref.loc, "wrong-kind",
                                      f"'{ref.id}' is an entity, not a carrier; list it under "
                                      "entities"))
            return False
        if want == "entity" and node.is_carrier:
            self.problems.append(_err(ref.loc, "wrong-kind",
                                      f"'{ref.id}' is a carrier, not an entity; list it under "
                                      "carriers"))
            return False
        return True

    def keep(self, refs: Iterable[Ref], want: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.id for r in refs if self.check(r, want)))


def _mentions(resolver: _Resolver, article: Article) -> set[str]:
    """The carriers and entities a briefing lists that resolve (problems to the resolver)."""
    return set(resolver.keep(article.carriers, "carrier")) | set(
        resolver.keep(article.entities, "entity"))


def _fx(site: Site, currency: str, year: int) -> tuple[Decimal | None, str | None]:
    if currency == "KRW":
        return Decimal(1), None
    years = site.fx.get(currency, {})
    if year in years:
        return years[year], None
    earlier = [y for y in years if y < year]
    if earlier:
        used = max(earlier)
        return years[used], f"{currency} {years[used]} ({used})"
    return None, None


def _merge_event(occurrences: list[Occurrence], site: Site, resolver: _Resolver,
                 problems: list[Diagnostic], drafts: frozenset[str]) -> Event | None:
    defining = next((o for o in occurrences if o.title and o.kind and o.date), None)
    if defining is None:
        first = occurrences[0]
        if any(o.broken for o in occurrences) or defines_event(resolver.broken, first.id):
            # Reported where the date was given, or in the file that defines the event.
            return None
        missing = [k for k in ("date", "title", "kind")
                   if not any(getattr(o, k) for o in occurrences)]
        if missing:
            named = " or ".join(missing) if len(missing) < 3 else "date, title or kind"
            message = (f"event '{first.id}' has no {named} in any article; an event needs a "
                       "date, title and kind where it is first reported")
        else:
            message = (f"no article gives event '{first.id}' its date, title and kind together; "
                       "give all three where it is first reported")
        if all(o.article in drafts for o in occurrences):
            problems.append(_warn(first.loc, "missing-field",
                                  message + " (allowed while draft: true)"))
        else:
            problems.append(_err(first.loc, "missing-field", message))
        return None
    date: PartialDate = defining.date  # type: ignore[assignment]
    date_from = defining
    amount, amount_from = defining.amount, defining
    ok = True
    for other in occurrences:
        if other is defining:
            continue
        if other.date:
            fit = most_precise_fit(date, other.date)
            if fit is None:
                problems.append(_err(other.locs["date"], "event-conflict",
                                     f"event '{other.id}' dated {other.date} here but {date} at "
                                     f"{date_from.locs['date'].path}:{date_from.locs['date'].line}"))
                ok = False
            elif fit is not date:
                date, date_from = fit, other
        if other.kind and other.kind != defining.kind:
            problems.append(_err(other.locs["kind"], "event-conflict",
                                 f"event '{other.id}' is kind '{other.kind}' here but "
                                 f"'{defining.kind}' at {defining.locs['kind'].path}:"
                                 f"{defining.locs['kind'].line}"))
            ok = False
        if other.amount and amount and (other.amount.value, other.amount.currency) != (
                amount.value, amount.currency):
            problems.append(_err(other.locs["amount"], "event-conflict",
                                 f"event '{other.id}' has amount '{other.amount.written}' here "
                                 f"but '{amount.written}' at {amount_from.locs['amount'].path}:"
                                 f"{amount_from.locs['amount'].line}"))
            ok = False
        elif other.amount and not amount:
            amount, amount_from = other.amount, other
        if other.title and other.title != defining.title:
            title_loc = defining.locs["title"]
            problems.append(_warn(other.locs["title"], "duplicate-title",
                                  f"event '{other.id}' already has the title "
                                  f"'{defining.title}' at {title_loc.path}:{title_loc.line}; "
                                  "this one is ignored: give only the id here"))
    carriers = resolver.keep((r for o in occurrences for r in o.carriers), "carrier")
    entities = resolver.keep((r for o in occurrences for r in o.entities), "entity")
    if not ok:
        return None
    krw = fx_note = None
    if amount is not None:
        rate, fx_note = _fx(site, amount.currency, date.year)
        if rate is None:
            problems.append(_err(amount_from.locs["amount"], "no-fx",
                                 f"no rate for {amount.currency} in or before {date.year}; "
                                 f"add fx: {{{amount.currency}: {{{date.year}: …}}}} to "
                                 "site.yaml"))
        else:
            krw = amount.krw(rate)
            if fx_note:
                problems.append(_warn(amount_from.locs["amount"], "fx-fallback",
                                      f"no {amount.currency} rate for {date.year}; used "
                                      f"{fx_note}; add fx: {{{amount.currency}: "
                                      f"{{{date.year}: …}}}} to site.yaml"))
    sources = tuple(EventSource(o.article, o.note) for o in occurrences)
    return Event(defining.id, date, date_from.until or defining.until,
                 date_from.basis or (defining.basis if date_from is defining else None),
                 date_from.approximate, defining.title or "", defining.kind or "statement",
                 carriers, entities, amount, krw, fx_note, sources)


def _article_key(article: Article) -> tuple[int, int, str]:
    if article.published is None:
        return (0, 0, article.id)
    return (*article.published.sort_key(), article.id)


# What one article's related list is made from: per node it shares, the node, its weight
# and the neighbours scored (the window). The ranking also uses positions in the order.
RelatedInputs = tuple[tuple[str, int, list[str]], ...]


@dataclass(frozen=True, slots=True)
class RelatedMemo:
    """The last related lists and what each was made from (a long-lived build)."""

    order: tuple[str, ...]
    inputs: dict[str, RelatedInputs]
    related: dict[str, tuple[str, ...]]


def _related(articles: dict[str, Article], order: tuple[str, ...],
             mentions: dict[str, set[str]], last: RelatedMemo | None = None,
             remember: bool = False) -> tuple[dict[str, tuple[str, ...]], RelatedMemo | None]:
    """Related briefings by shared entities/carriers and nearby dates, without an O(n^2)
    scan. With `last` and the same order, an article whose inputs are as they were keeps
    its list; `remember` returns the memo for the next call."""
    by_node: dict[str, list[str]] = defaultdict(list)
    for slug in order:
        for node in sorted(mentions[slug]):
            by_node[node].append(slug)
    position = {slug: n for n, slug in enumerate(order)}
    reuse = last is not None and last.order == order
    related: dict[str, tuple[str, ...]] = {}
    inputs: dict[str, RelatedInputs] = {}
    for slug in order:
        here = position[slug]
        carriers_here = {r.id for r in articles[slug].carriers}
        windows = []
        for node in sorted(mentions[slug]):
            group = by_node[node]
            # Only the neighbours in time within each shared node: bounded work per article.
            if len(group) > 40:
                index = bisect_left(group, here, key=position.__getitem__)
                group = group[max(0, index - 20): index + 20]
            windows.append((node, 1 if node in carriers_here else 3, group))
        made = tuple(windows)
        if remember:
            inputs[slug] = made
        if reuse and last is not None and last.inputs.get(slug) == made:
            related[slug] = last.related[slug]
            continue
        scores: defaultdict[str, int] = defaultdict(int)  # C-level default, unlike Counter
        for _node, weight, group in made:
            for other in group:
                if other != slug:
                    scores[other] += weight
        # Only candidates that can make the list are ranked, as plain tuples (sorted in C).
        cutoff = nlargest(RELATED_LIMIT, scores.values())[-1] if scores else 0
        ranked = sorted((-score, abs(position[other] - here), other)
                        for other, score in scores.items() if score >= cutoff)
        related[slug] = tuple(other for _, _, other in ranked[:RELATED_LIMIT])
    return related, RelatedMemo(order, inputs, related) if remember else None


# (owner kind, id) -> the body checked, and what it links its briefing to: a long-lived
# build checks again only the bodies that changed, while the ids links can point at are
# the same.
WikilinkMemo = dict[tuple[str, str], tuple[Body, _Made[frozenset[str]]]]


def _body_links(owner: str | None, body: Body, resolver: _Resolver, events: set[str],
                articles: set[str], broken: frozenset[str],
                problems: list[Diagnostic]) -> frozenset[str]:
    """The nodes and events a body links its briefing to; problems reported as found."""
    linked: set[str] = set()
    # Rows, not WikiLink objects: a Loc is made only for a link that is reported.
    for kind, target, _label, path, line, col in body.link_rows():
        if kind == "node":
            if target in resolver.nodes:
                resolver.use(target)
                if owner:
                    linked.add(target)
            else:
                resolver.check(Ref(target, Loc(path, line, col)), "any")
        elif kind == "article":
            if target not in articles and "article:" + target not in broken:
                hint = did_you_mean(target, articles)
                problems.append(_err(Loc(path, line, col), "unknown-ref",
                                     f"article '{target}' not found{hint}"))
        elif kind == "event":
            if target not in events and not defines_event(broken, target):
                hint = did_you_mean(target, events)
                problems.append(_err(Loc(path, line, col), "unknown-ref",
                                     f"event '{target}' not found{hint}"))
            elif owner:
                linked.add("event:" + target)
        else:
            problems.append(_err(Loc(path, line, col), "unknown-ref",
                                 f"unknown link kind '{kind}:'; use [[id]], "
                                 "[[article:slug]] or [[event:id]]"))
    return frozenset(linked)


def _check_wikilinks(content: Content, resolver: _Resolver, events: set[str],
                     articles: set[str], problems: list[Diagnostic],
                     last: WikilinkMemo | None = None
                     ) -> tuple[dict[str, set[str]], WikilinkMemo]:
    """Resolve body links; returns, per article, the nodes and events it links to, and
    the memo for the next call. `last` must come from a link with the same nodes,
    briefing ids and event ids."""
    linked: dict[str, set[str]] = defaultdict(set)
    memo: WikilinkMemo = {}
    bodies: list[tuple[tuple[str, str], str | None, Body]] = [
        (("article", a.id), a.id, a.body) for a in content.articles]
    bodies += [(("node", n.id), None, n.body) for n in content.nodes]
    for key, owner, body in bodies:
        kept = last.get(key) if last is not None else None
        if kept is not None and kept[0] is body:
            made = kept[1]
        else:
            made = resolver.capture(problems, partial(
                _body_links, owner, body, resolver, events, articles, content.broken_ids,
                problems))
        memo[key] = (body, made)
        targets = resolver.replay(made, problems)
        if owner and targets:
            linked[owner].update(targets)
    return linked, memo


@dataclass(frozen=True, slots=True)
class LinkMemo:
    """What a long-lived build keeps of a link to redo only part of the next one."""

    related: RelatedMemo | None
    wikilinks: WikilinkMemo
    event_ids: frozenset[str]  # every event id occurring, drafts included
    # by briefing: the briefing, and its carriers and entities as resolved
    mentions: dict[str, tuple[Article, _Made[set[str]]]]
    # by event: its occurrences, which of their briefings are drafts, and the merge
    events: dict[str, tuple[tuple[Occurrence, ...], tuple[bool, ...], _Made[Event | None]]]


@dataclass(frozen=True, slots=True)
class Linked:
    """One link's content and results, kept by a long-lived build (serve): the next
    content is linked at once when no link input changed (a title or text edit), and
    its related lists are mostly reused when the order of briefings did not change."""

    content: Content
    graph: Graph
    problems: tuple[Diagnostic, ...]
    memo: LinkMemo | None = None


def _link_inputs(article: Article) -> tuple[Any, ...]:
    """Everything link_site reads from a briefing: not its title, summary or text."""
    return (article.id, article.loc, article.published, article.carriers, article.entities,
            article.draft, article.body.packed_links,
            # locs are left out of Occurrence equality, but conflicts are reported there
            tuple((o, o.locs) for o in article.occurrences))


def _same_resolution(old: Content, new: Content) -> bool:
    """Whether references resolve as they did: the same site, the very same nodes (files
    that did not change are the same objects in a long-lived build), the same broken ids."""
    return (old.site == new.site and old.broken_ids == new.broken_ids
            and len(old.nodes) == len(new.nodes)
            and all(a is b for a, b in zip(old.nodes, new.nodes, strict=True)))


def _same_link_inputs(old: Content, new: Content) -> bool:
    """Whether linking `new` gives `old`'s graph (but for the briefings themselves) and
    problems."""
    return (len(old.articles) == len(new.articles) and _same_resolution(old, new)
            and all(a is b or _link_inputs(a) == _link_inputs(b)
                    for a, b in zip(old.articles, new.articles, strict=True)))


def link_site(content: Content) -> tuple[Graph, list[Diagnostic]]:
    """The site graph and the problems found linking it."""
    linked = relink(content, None, remember=False)
    return linked.graph, list(linked.problems)


def relink(content: Content, previous: Linked | None, remember: bool = True) -> Linked:
    """Link `content`; `previous` is the last link of a long-lived build, reused whole
    when only what linking does not read has changed, and in part otherwise."""
    if previous is not None and _same_link_inputs(previous.content, content):
        articles = {a.id: a for a in content.articles}
        return Linked(content, dataclasses.replace(previous.graph, articles=articles),
                      previous.problems, previous.memo)
    problems: list[Diagnostic] = []
    nodes = {n.id: n for n in content.nodes}
    resolver = _Resolver(nodes, content.broken_ids)
    articles = {a.id: a for a in content.articles}
    order_old = tuple(sorted(articles, key=lambda s: _article_key(articles[s])))

    for node in content.nodes:
        resolver.keep(node.members, "any")
        if node.parent:
            resolver.check(node.parent, "any")
        for aff in node.affiliations:
            resolver.check(aff.target, "any")
    # Parts are reused from the last link when references resolve as they did.
    last = (previous.memo if previous is not None
            and _same_resolution(previous.content, content) else None)
    kept_mentions = last.mentions if last is not None else {}
    kept_events = last.events if last is not None else {}
    mentions: dict[str, set[str]] = {}
    mention_memo: dict[str, tuple[Article, _Made[set[str]]]] = {}
    for slug in order_old:
        article = articles[slug]
        kept = kept_mentions.get(slug)
        if kept is not None and kept[0] is article:
            made = kept[1]
        else:
            made = resolver.capture(problems, partial(_mentions, resolver, article))
        mention_memo[slug] = (article, made)
        resolved: set[str] = resolver.replay(made, problems)
        mentions[slug] = set(resolved)  # a copy: the memo keeps the original

    drafts = frozenset(slug for slug, article in articles.items() if article.draft)
    grouped: dict[str, list[Occurrence]] = defaultdict(list)
    for slug in order_old:
        for occurrence in articles[slug].occurrences:
            grouped[occurrence.id].append(occurrence)
    events: dict[str, Event] = {}
    event_memo: dict[str, tuple[tuple[Occurrence, ...], tuple[bool, ...],
                                _Made[Event | None]]] = {}
    for event_id in sorted(grouped):
        occurrences = tuple(grouped[event_id])
        in_drafts = tuple(o.article in drafts for o in occurrences)
        kept_event = kept_events.get(event_id)
        if (kept_event is not None and kept_event[1] == in_drafts
                and len(kept_event[0]) == len(occurrences)
                and all(a is b for a, b in zip(kept_event[0], occurrences, strict=True))):
            merged = kept_event[2]
        else:
            merged = resolver.capture(problems, partial(
                _merge_event, list(occurrences), content.site, resolver, problems, drafts))
        event_memo[event_id] = (occurrences, in_drafts, merged)
        event = resolver.replay(merged, problems)
        if event is not None:
            events[event_id] = event

    event_ids = frozenset(grouped)
    # Bodies are kept only while the ids their links can point at are the same.
    same_targets = (last is not None and previous is not None and last.event_ids == event_ids
                    and [a.id for a in previous.content.articles]
                    == [a.id for a in content.articles])
    linked, wikilinks = _check_wikilinks(
        content, resolver, set(grouped), set(articles), problems,
        last.wikilinks if same_targets and last is not None else None)
    problems.extend(resolver.problems)
    for node in content.nodes:
        if (not node.is_carrier and node.id not in resolver.used
                and not may_mention(content.broken_ids, node.id)):
            problems.append(_warn(node.loc, "unused-entity",
                                  f"entity '{node.id}' is not referenced by any article, event "
                                  "or other entity"))

    event_articles: dict[str, list[str]] = defaultdict(list)
    node_articles: dict[str, list[str]] = defaultdict(list)
    for slug in reversed(order_old):
        article_nodes = set(mentions[slug])
        for occurrence in articles[slug].occurrences:
            event_articles[occurrence.id].append(slug)
            event = events.get(occurrence.id)
            if event:
                article_nodes.update(event.carriers, event.entities)
        for target in linked.get(slug, ()):
            if target.startswith("event:"):
                if slug not in event_articles[target[6:]]:
                    event_articles[target[6:]].append(slug)
            else:
                article_nodes.add(target)
        mentions[slug] = article_nodes
        for node_id in sorted(article_nodes):
            node_articles[node_id].append(slug)

    timeline = tuple(sorted(events, key=lambda e: events[e].sort_key()))
    tracked, target_problems = track_targets(content.site, content.articles, grouped, events,
                                             timeline)
    problems.extend(target_problems)
    node_events: dict[str, list[str]] = defaultdict(list)
    for event_id in timeline:
        for node_id in (*events[event_id].carriers, *events[event_id].entities):
            node_events[node_id].append(event_id)

    carriers = tuple(n.id for n in content.nodes if n.is_carrier)
    relations, stats = _relations(carriers, events, timeline, _own_nodes(content.nodes))
    members_of: dict[str, list[str]] = defaultdict(list)
    people: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    children: dict[str, list[str]] = defaultdict(list)
    for node in content.nodes:
        for member in node.members:
            members_of[member.id].append(node.id)
        if node.parent:
            children[node.parent.id].append(node.id)
        for aff in node.affiliations:
            people[aff.target.id].append((node.id, aff.role))

    related, related_memo = _related(
        articles, order_old, mentions,
        previous.memo.related if previous is not None and previous.memo else None, remember)
    graph = Graph(
        site=content.site, nodes=nodes, carriers=carriers,
        entities=tuple(n.id for n in content.nodes if not n.is_carrier),
        articles=articles, articles_by_date=tuple(reversed(order_old)), events=events,
        timeline=timeline,
        event_articles={k: tuple(v) for k, v in event_articles.items()},
        node_articles={k: tuple(v) for k, v in node_articles.items()},
        node_events={k: tuple(v) for k, v in node_events.items()},
        related=related, relations=relations, stats=stats,
        members_of={k: tuple(v) for k, v in members_of.items()},
        people={k: tuple(v) for k, v in people.items()},
        children={k: tuple(v) for k, v in children.items()},
        years=tuple(sorted({events[e].date.year for e in timeline})),
        node_relations=_node_relations(relations),
        targets=tracked.targets, settles=tracked.settles, as_of=tracked.as_of,
        node_targets=tracked.by_node,
        weeks=group_weeks(articles, order_old, events, timeline, carriers),
    )
    return Linked(content, graph, tuple(problems),
                  LinkMemo(related_memo, wikilinks, event_ids, mention_memo, event_memo)
                  if remember else None)


def _node_relations(relations: dict[tuple[str, str], Relation]
                    ) -> dict[str, tuple[Relation, ...]]:
    by_node: dict[str, list[Relation]] = defaultdict(list)
    for (carrier, entity), relation in relations.items():
        by_node[carrier].append(relation)
        by_node[entity].append(relation)
    return {node: tuple(items) for node, items in by_node.items()}


def _own_nodes(nodes: tuple[Node, ...]) -> set[tuple[str, str]]:
    """(carrier or parent id, entity id) for entities that belong to it: its products and
    subsidiaries (parent) and its people (affiliations)."""
    own = {(n.parent.id, n.id) for n in nodes if n.parent}
    own.update((a.target.id, n.id) for n in nodes for a in n.affiliations)
    return own


def _relations(carriers: tuple[str, ...], events: dict[str, Event], timeline: tuple[str, ...],
               own: set[tuple[str, str]]
               ) -> tuple[dict[tuple[str, str], Relation], dict[str, CarrierStats]]:
    pair_events: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event_id in timeline:
        event = events[event_id]
        for carrier in event.carriers:
            for entity in event.entities:
                pair_events[(carrier, entity)].append(event_id)
    relations: dict[tuple[str, str], Relation] = {}
    for (carrier, entity), ids in sorted(pair_events.items()):
        kinds = Counter(events[e].kind for e in ids)
        relations[(carrier, entity)] = Relation(
            carrier, entity, len(ids), tuple(sorted(kinds.items(), key=lambda k: (-k[1], k[0]))),
            "investment" in kinds, tuple(ids), (carrier, entity) in own)
    stats: dict[str, CarrierStats] = {}
    for carrier in carriers:
        ids = [e for e in timeline if carrier in events[e].carriers]
        deals = [e for e in ids if events[e].kind in DEAL_KINDS and events[e].amount]
        total = sum((events[e].amount_krw or Decimal(0) for e in deals
                     if (amount := events[e].amount) and amount.qualifier in _DEAL_QUALIFIERS),
                    Decimal(0))
        mine = [r for (c, _), r in relations.items() if c == carrier and not r.own]
        stats[carrier] = CarrierStats(
            len(ids), sum(not r.investee for r in mine), sum(r.investee for r in mine),
            total, tuple(deals), events[ids[0]].date if ids else None,
            events[ids[-1]].date if ids else None)
    return relations, stats
