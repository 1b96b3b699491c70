"""A finding, a list of them, and what every topic needs: the language, plan names, the caveats on plans."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from comparison.tables.plan_labels import plan_labels

LANGS = ("zh", "en")


@dataclass(frozen=True)
class Finding:
    """One claim about the loaded plans: ``text`` (a Markdown paragraph in one language) and ``values`` (the
    numbers and ids it rests on, plain JSON types, the same in both languages)."""
    key: str
    text: str
    values: dict = field(default_factory=dict)
    caveat: bool = False


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"\*(.+?)\*")


class Findings(list):
    """The findings of one topic, in reading order; ``found["key"]`` is the finding with that key."""

    def __getitem__(self, item):
        if isinstance(item, str):
            for f in self:
                if f.key == item:
                    return f
            raise KeyError(f"no finding {item!r}; keys: {', '.join(f.key for f in self)}")
        return super().__getitem__(item)

    def keys(self) -> list[str]:
        return [f.key for f in self]

    def markdown(self) -> str:
        """One paragraph per finding; a caveat is a paragraph too, led by its bold label in the text."""
        return "\n\n".join(f.text for f in self)

    def html(self) -> str:
        """The paragraphs as HTML (text escaped; ``**bold**`` and ``*italic*`` as <b> and <i>)."""
        def para(text: str) -> str:
            out = _ITALIC.sub(r"<i>\1</i>", _BOLD.sub(r"<b>\1</b>", html.escape(text, quote=False)))
            return f"<p>{out}</p>"
        return "\n".join(para(f.text) for f in self)

    def records(self) -> list[dict]:
        """Plain dicts (key, text, values, caveat), e.g. to save beside a notebook's figures as JSON."""
        return [{"key": f.key, "text": f.text, "values": f.values, "caveat": f.caveat} for f in self]

    def _repr_markdown_(self) -> str:  # a notebook cell ending in findings(...) shows the text
        return self.markdown()

    def _repr_pretty_(self, printer, cycle) -> None:  # and a console the same paragraphs as plain text
        printer.text(self.markdown())


def language(t, lang: str | None) -> str:
    lang = lang or t.lang
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang


def plan_ids(t) -> list[str]:
    """The loaded plans in manifest order."""
    return [str(d) for d in t.plans.doc_id]


def plan_names(t, lang: str) -> dict[str, str]:
    """doc_id → the plan's label in ``lang`` (the same labels as the figures': ``api.load`` names the plans
    in both languages)."""
    named = t.plans.attrs.get("labels", {}).get(lang) or {}
    docs = [str(d) for d in t.plans.doc_id]
    if all(d in named for d in docs):
        return {d: named[d] for d in docs}
    return plan_labels(t.plans, lang)  # tables made otherwise (or changed since api.load named them)


def plan_column(t, column: str) -> dict[str, str]:
    """doc_id → one column of the plans table (plan_type, status, city_id …)."""
    return dict(zip(map(str, t.plans.doc_id), t.plans[column].astype(str)))


def of_type(t, plan_type: str) -> list[str]:
    types = plan_column(t, "plan_type")
    return [d for d in plan_ids(t) if types[d] == plan_type]


GREEN, SYNERGY = "green_economy", "pollution_carbon_synergy"


def draft_caveat(t, lang: str) -> list[Finding]:
    """Plans that are drafts for comment: their targets may change in the final text."""
    from comparison.analysis.findings.wording import pick

    status = plan_column(t, "status")
    drafts = [d for d in plan_ids(t) if status[d] == "draft"]
    if not drafts:
        return []
    label = plan_names(t, lang)
    names_ = who(drafts, label, lang)
    text = pick(lang, f"**Caveat.** {names_} {'is a draft' if len(drafts) == 1 else 'are drafts'} for comment: "
                      f"{'its' if len(drafts) == 1 else 'their'} targets and wording may change in the final plan.",
                f"**注意。** {names_}为征求意见稿，目标和表述在正式印发时可能改变。")
    return [Finding("drafts", text, {"drafts": drafts}, caveat=True)]


def unreviewed_caveat(t, lang: str) -> list[Finding]:
    """Plans whose rows are still suggestions (new-plan output not yet reviewed)."""
    from comparison.analysis.findings.wording import pick

    if "reviewed" not in t.plans:
        return []
    reviewed = plan_column(t, "reviewed")
    pending = [d for d in plan_ids(t) if reviewed[d] in ("False", "false")]
    if not pending:
        return []
    label = plan_names(t, lang)
    names_ = who(pending, label, lang)
    text = pick(lang, f"**Caveat.** {names_} {'has' if len(pending) == 1 else 'have'} rows not yet reviewed "
                      f"(suggested by new-plan): the findings on {'it' if len(pending) == 1 else 'them'} may change "
                      "once a curator has checked every row.",
                f"**注意。** {names_}仍有未审核的行（new-plan 的建议）：逐行审核后，与之相关的结论可能改变。")
    return [Finding("unreviewed", text, {"unreviewed": pending}, caveat=True)]


def select(sections: dict, only) -> Findings:
    """Run the sections asked for (``only``: a key, a list of keys, or None for all, in the topic's order);
    each section returns a Finding, a list of them, or None when it has nothing to say."""
    keys = list(sections) if only is None else [only] if isinstance(only, str) else list(only)
    unknown = [k for k in keys if k not in sections]
    if unknown:
        raise ValueError(f"unknown finding(s) {', '.join(map(repr, unknown))}; known: {', '.join(sections)}")
    out = Findings()
    for key in keys:
        found = sections[key]()
        if isinstance(found, Finding):
            out.append(found)
        elif found:
            out.extend(found)
    return out


def who(docs: list[str], label: dict[str, str], lang: str) -> str:
    """The plans by name while few (``wording.LIST_LIMIT``), else how many: at 300 plans a list of names
    is noise, and the figures show which plans they are."""
    from comparison.analysis.findings.wording import LIST_LIMIT, names

    if len(docs) <= LIST_LIMIT:
        return names([label[d] for d in docs], lang)
    return f"{len(docs)} 个方案" if lang == "zh" else f"{len(docs)} plans"


def by_value(per_plan: dict[str, object]) -> dict[object, list[str]]:
    """doc_id → value turned into value → the plans with it (in plan order), so a finding says "8 plans have
    no implementation pillar" once instead of naming each of them."""
    out: dict[object, list[str]] = {}
    for doc, value in per_plan.items():
        out.setdefault(value, []).append(doc)
    return out
