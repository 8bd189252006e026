from __future__ import annotations

from roadsec.merge import merge
from roadsec.model.roadmap import DocumentInfo, Roadmap, SourceRef, Technology


def roadmap(path: str, org: str | None, tech: list[tuple[str, int]]) -> Roadmap:
    return Roadmap(
        organization=org,
        documents=(DocumentInfo(path=path, title=None, organization=org),),
        items=(),
        technologies=tuple(
            Technology(name=name, category="cloud", sources=(SourceRef(document=path, line=line),))
            for name, line in tech
        ),
    )


def test_merge_unifies_technologies_and_picks_the_named_organization() -> None:
    merged = merge([
        roadmap("a.md", "Acme", [("AWS", 3)]),
        roadmap("b.md", None, [("AWS", 7), ("Azure", 9)]),
    ])  # fmt: skip
    assert merged.organization == "Acme"
    assert [d.path for d in merged.documents] == ["a.md", "b.md"]
    aws = next(t for t in merged.technologies if t.name == "AWS")
    assert [(s.document, s.line) for s in aws.sources] == [("a.md", 3), ("b.md", 7)]


def test_org_override_and_empty() -> None:
    assert merge([roadmap("a.md", "Acme", [])], organization="Other").organization == "Other"
    assert merge([]).documents == ()


def test_one_roadmap_merges_to_the_same_view() -> None:
    one = roadmap("a.md", "Acme", [("AWS", 3), ("Azure", 4)])
    assert merge([one]).to_dict() == one.to_dict()
    assert merge([one], organization="Other").organization == "Other"
    doubled = Technology(
        name="AWS", category="cloud", sources=(SourceRef(document="a.md", line=3),) * 2
    )
    merged = merge([one.model_copy(update={"technologies": (doubled,)})])
    assert [(s.document, s.line) for s in merged.technologies[0].sources] == [("a.md", 3)]
