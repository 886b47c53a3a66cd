"""What a build keeps in .briefing/ for the next process: what each page and feed read
from the site graph, and a short digest of every value read.

The next build makes its graph, digests the same reads and re-renders only the outputs
that read a value whose digest changed (and the new ones); the others are taken from the
folder the last build published. Nothing of the old graph is kept, and no output's bytes.

The file is a workdir.packed state (MessagePack, never pickle). It is used only when its
header names this tool version, its `config` (options, templates, site.yaml) matches and
the folder it describes is as that build left it (the output stamp); any shape it should
not have means the whole state is ignored.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Any

from briefing.build import BuildOptions, options_key
from briefing.core.routes import output_file
from briefing.incremental.tracking import ALL, Read
from briefing.link.graph import Graph
from briefing.render.linkcheck import LateRef
from briefing.render.sink import Entry
from briefing.workdir.cache import code_version
from briefing.workdir.packed import Notice, load_decoded, quiet, save_packed
from briefing.workdir.plain import Malformed, decoder, to_plain
from briefing.workdir.skip import site_entries, stamp_of, templates_digest

KIND = "page-reads"
_MISSING = b"-"  # the digest of a key the graph does not have
_KEY_SCALARS = (str, int, type(None))


@dataclass(slots=True)
class PageState:
    config: str  # digest of what is not content: options, templates, site.yaml
    folder: str  # the published folder holding the outputs; "" for `check`
    stamp: str  # its output stamp once published (workdir.skip.stamp_of)
    reads: list[Read]  # every read id, interned: outputs refer to them by index
    digests: list[bytes]  # the value of each read, when saved
    outputs: dict[str, array[int]]  # page site path or feed path -> the ids it read
    late: list[LateRef]  # links of every page checked at the end (see render.linkcheck)
    # every file of the published folder once published (site paths, sorted; [] for
    # `check`): the next build stats these instead of walking the folder (usable_folder)
    names: list[str] = dataclasses.field(default_factory=list)


def state_file(cache_path: Path, out_path: Path | None) -> Path:
    where = str(out_path.resolve()) if out_path is not None else "<check>"
    return cache_path / f"pages-{hashlib.sha256(where.encode()).hexdigest()[:12]}.state"


def _plain_key(key: Any) -> Any:
    """A read's key as plain data; raises TypeError for a key that has none."""
    if type(key) in _KEY_SCALARS or isinstance(key, bool):
        return key
    if type(key) is tuple:
        return [_plain_key(item) for item in key]
    raise TypeError(key)


def _typed_key(data: Any) -> Any:
    if type(data) in _KEY_SCALARS or isinstance(data, bool):
        return data
    if type(data) is list:
        return tuple(_typed_key(item) for item in data)
    raise Malformed("a read's key")


def plain_read(read: Read) -> list[Any]:
    """A read as plain data; one whose key has no plain form becomes its whole field,
    which changes whenever any key of it does (never less safe)."""
    try:
        return [read[0], _plain_key(read[1])]
    except TypeError:
        return [read[0], ALL]


def kept_read(read: Read) -> Read:
    """The read as it will be kept (see plain_read), so its digest is of that."""
    try:
        _plain_key(read[1])
    except TypeError:
        return (read[0], ALL)
    return read


def save_state(path: Path, state: PageState) -> None:
    value = {"config": state.config, "folder": state.folder, "stamp": state.stamp,
             "reads": [plain_read(read) for read in state.reads], "digests": state.digests,
             "outputs": {path: _bytes(ids) for path, ids in state.outputs.items()},
             "late": to_plain(state.late), "names": state.names}
    save_packed(path, KIND, code_version(), value)


def ids_of(numbers: Iterable[int]) -> array[int]:
    return array("I", numbers)


def _bytes(ids: array[int]) -> bytes:
    """Little-endian 32-bit ids, whatever machine wrote them (a CI cache travels)."""
    if sys.byteorder == "big":
        ids = array("I", ids)
        ids.byteswap()
    return ids.tobytes()


def _ids(data: Any, bound: int) -> array[int]:
    if type(data) is not bytes or len(data) % 4:
        raise Malformed("read ids")
    ids = array("I")
    ids.frombytes(data)
    if sys.byteorder == "big":
        ids.byteswap()
    if ids and max(ids) >= bound:
        raise Malformed("a read id out of range")
    return ids


def _decode(value: Any) -> PageState:
    if type(value) is not dict:
        raise Malformed("not a map")
    text = decoder(str)
    reads = []
    for item in value["reads"]:
        if type(item) is not list or len(item) != 2:
            raise Malformed("a read")
        reads.append((text(item[0]), _typed_key(item[1])))
    digests = decoder(tuple[bytes, ...])(value["digests"])
    if len(digests) != len(reads):
        raise Malformed("one digest per read")
    outputs = value["outputs"]
    if type(outputs) is not dict or not all(type(k) is str for k in outputs):
        raise Malformed("outputs")
    return PageState(text(value["config"]), text(value["folder"]), text(value["stamp"]),
                     reads, list(digests),
                     {k: _ids(v, len(reads)) for k, v in outputs.items()},
                     list(decoder(tuple[LateRef, ...])(value["late"])),
                     _names(value["names"]))


def _names(value: Any) -> list[str]:
    if type(value) is not list or not all(type(name) is str for name in value):
        raise Malformed("the published files' names")
    return value


def load_state(path: Path, notice: Notice = quiet) -> PageState | None:
    return load_decoded(path, KIND, code_version(), _decode, notice)


class Digests:
    """Short digests of the values reads name in one graph, each made once.

    A value is digested by its repr (dataclasses, tuples, dicts and scalars print the same
    in every process); a briefing or node that is the very object a content file was
    checked into is digested by that file's content key, which is cheaper and as exact."""

    def __init__(self, graph: Graph, keyed: dict[int, str]) -> None:
        self.graph, self.keyed = graph, keyed
        self._done: dict[Read, bytes] = {}
        self._names = {f.name for f in dataclasses.fields(Graph)}

    def _value(self, value: Any) -> bytes:
        key = self.keyed.get(id(value))
        if key is not None:
            return key.encode()[:24]
        return hashlib.blake2b(repr(value).encode(), digest_size=12).digest()

    def of(self, read: Read) -> bytes:
        done = self._done.get(read)
        if done is not None:
            return done
        name, key = read
        if name not in self._names:
            digest = _MISSING
        else:
            field = getattr(self.graph, name)
            if key == ALL and isinstance(field, dict):
                whole = hashlib.blake2b(digest_size=12)
                for item_key, item in field.items():
                    whole.update(repr(item_key).encode())
                    whole.update(self._done.get((name, item_key)) or self._value(item))
                digest = whole.digest()
            elif key == ALL:
                digest = self._value(field)
            elif isinstance(field, dict):
                try:
                    digest = self._value(field[key]) if key in field else _MISSING
                except TypeError:  # an unhashable key was never found
                    digest = _MISSING
            else:
                digest = self._value(field)
        self._done[read] = digest
        return digest

    def changed(self, reads: Iterable[Read], digests: list[bytes]) -> set[int]:
        """The indexes of `reads` whose value's digest is not the one given."""
        return {number for number, (read, digest) in enumerate(zip(reads, digests, strict=True))
                if self.of(read) != digest}


def config_of(options: BuildOptions) -> str:
    """What the outputs depend on besides the content's files: the options, every
    template and static file, site.yaml. A change to any of them renders everything."""
    digest = hashlib.sha256(options_key(options).encode())
    digest.update(templates_digest(options.templates).encode())
    try:
        digest.update((options.content_path / "site.yaml").read_bytes())
    except OSError:
        digest.update(b"\0no site.yaml")
    return digest.hexdigest()


def usable(state: PageState | None, config: str, out: Path | None) -> PageState | None:
    return usable_folder(state, config, out)[0]


def usable_folder(state: PageState | None, config: str, out: Path | None,
                  published: dict[str, Entry] | None = None
                  ) -> tuple[PageState | None, dict[str, Entry]]:
    """The state if it can be trusted, and the published folder's files (site path ->
    stamp entry) that vouched for it ({} for `check`, or when it can't be trusted).

    The folder is not walked: the files the state names are stat'ed, so one edited or
    deleted by hand is seen (the stamp differs) and everything is rendered. A file added
    by hand is not looked for: the next build that finds the content unchanged walks the
    folder (the skip check, whose walk is `published`), sees it and renders everything."""
    if state is None or state.config != config:
        return None, {}
    if out is None:
        return (state if state.folder == "" else None), {}
    if state.folder != str(out.resolve()):
        return None, {}
    if published is not None:  # the skip check walked the folder already
        entries: dict[str, Entry] | None = published
    elif state.names:
        entries = _stat_entries(out, state.names)
    else:  # a state from before the names were kept
        entries = site_entries(out)
    if entries is None or state.stamp != stamp_of(list(entries.values())):
        return None, {}
    return state, entries


def _stat_entries(out: Path, names: list[str]) -> dict[str, Entry] | None:
    """The stamp entries of the named files of `out` (as skip.site_entries makes them);
    {} when one is not there (or not a file): the folder is not as it was left."""
    folder: str = str(out)
    entries: dict[str, Entry] = {}
    for name in names:
        path = f"{folder}/{name}" if os.sep == "/" else os.path.join(folder, *name.split("/"))
        try:
            stat = os.stat(path, follow_symlinks=False)
        except OSError:
            return {}
        if not S_ISREG(stat.st_mode):
            return {}
        entries[name] = (path, stat.st_size, stat.st_mtime_ns)
    return entries


def stale_outputs(state: PageState, digests: Digests, paths: list[str]) -> set[str]:
    """The outputs to make again: new ones, and those that read a value that changed."""
    changed = digests.changed(state.reads, state.digests)
    return {path for path in paths
            if (ids := state.outputs.get(path)) is None or not changed.isdisjoint(ids)}


def next_state(config: str, folder: str, stamp: str, kept: PageState | None,
               digests: Digests, made: dict[str, frozenset[Read]], planned: set[str],
               late: list[LateRef]) -> PageState:
    """numbered_state for reads given as sets: numbered here, digested by `digests`."""
    table: dict[Read, int] = {}
    reads: list[Read] = []
    numbered = {}
    for path, read in made.items():
        numbers = set()
        for one in map(kept_read, read):
            number = table.get(one)
            if number is None:
                number = table[one] = len(reads)
                reads.append(one)
            numbers.add(number)
        numbered[path] = ids_of(sorted(numbers))
    return numbered_state(config, folder, stamp, kept, digests,
                          (reads, [digests.of(read) for read in reads]), numbered,
                          planned, late)


def numbered_state(config: str, folder: str, stamp: str, kept: PageState | None,
                   digests: Digests, table: tuple[list[Read], list[bytes]],
                   made: dict[str, array[int]], planned: set[str], late: list[LateRef]
                   ) -> PageState:
    """A build's state: what each output it `made` read (ids into `table`: kept reads and
    their digests, as the workers numbered them), the others as `kept` had them (those
    still `planned`). Kept outputs keep their ids into the last table, which grows by
    the new reads; it is made afresh once more than half of it is no longer read."""
    if kept is None:  # every read of the table is some output's
        reads, values, outputs = table[0], table[1], made
        return PageState(config, folder, stamp, reads, values, outputs,
                         _late_of(late, outputs))
    reads = list(kept.reads)
    values = [digests.of(read) for read in reads]
    index = {read: number for number, read in enumerate(reads)}
    renumber = []
    for read, digest in zip(*table, strict=True):
        number = index.get(read)
        if number is None:
            number = index[read] = len(reads)
            reads.append(read)
            values.append(digest)
        renumber.append(number)
    outputs = {path: ids for path, ids in kept.outputs.items() if path in planned}
    outputs.update((path, ids_of(sorted(map(renumber.__getitem__, ids))))
                   for path, ids in made.items())
    used: set[int] = set().union(*outputs.values()) if outputs else set()
    if len(used) * 2 < len(reads):
        old = sorted(used)
        number_of = {was: now for now, was in enumerate(old)}
        reads, values = [reads[i] for i in old], [values[i] for i in old]
        outputs = {path: ids_of(map(number_of.__getitem__, ids))
                   for path, ids in outputs.items()}
    return PageState(config, folder, stamp, reads, values, outputs, _late_of(late, outputs))


def _late_of(late: list[LateRef], outputs: dict[str, array[int]]) -> list[LateRef]:
    pages = {output_file(path) for path in outputs}
    return [ref for ref in late if ref.page in pages]


# The read table's encoding, shared with planstate.py (the plan's parts are kept alike).
def typed_read(item: Any) -> Read:
    """A read kept as plain data (see plain_read), checked."""
    if type(item) is not list or len(item) != 2 or type(item[0]) is not str:
        raise Malformed("a read")
    return (item[0], _typed_key(item[1]))


def ids_to_bytes(ids: array[int]) -> bytes:
    return _bytes(ids)


def ids_from_bytes(data: Any, bound: int) -> array[int]:
    return _ids(data, bound)
