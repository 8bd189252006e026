from __future__ import annotations

import pytest

from roadsec.parse.technologies import find_technologies, load_lexicon


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "Compute: **AWS EC2**, **ECS**, **EKS**",
            ["Amazon EC2", "AWS", "Amazon ECS", "Amazon EKS", "Kubernetes"],
        ),
        ("Primary backend: **Node.js (Express)**", ["Node.js", "Express"]),
        ("Okta, Azure AD, Google Workspace", ["Okta", "Microsoft Entra ID", "Google Workspace"]),
        ("use a Helm chart to deploy", ["Helm", "Kubernetes"]),
        ("Migrate all services to K8s", ["Kubernetes"]),
        ("We are moving to Kubernetes.", ["Kubernetes"]),
        ("Express your ideas and react quickly", []),
        ("Go to market in Q3", []),
        ("Snowflake-like growth", []),
    ],
)
def test_lexicon_matches(line: str, names: list[str]) -> None:
    assert load_lexicon().names_in(line) == names


def test_sources_are_lines() -> None:
    techs = find_technologies("d.md", [(1, "Kafka and Redis"), (2, "nothing"), (3, "Kafka")])
    assert [(t.name, t.category, [s.line for s in t.sources]) for t in techs] == [
        ("Apache Kafka", "streaming", [1, 3]),
        ("Redis", "cache", [1]),
    ]


def test_a_technology_the_roadmap_only_moves_away_from_is_leaving() -> None:
    lines = [
        (1, "Get off Heroku: move all services from Heroku to GKE"),
        (2, "Postgres → CockroachDB without anyone noticing"),
        (3, "Apigee on GCP was rejected; Mulesoft on Azure was ruled out"),
        (4, "Upgrade Spring Boot 2.7 → 3.3 across services"),
        (5, "Replace manual deploys with GitHub Actions"),
        (6, "Migrate analytics from the Redshift cluster to Snowflake"),
        (7, "Nightly jobs still run on Redshift"),
    ]
    leaving = {t.name for t in find_technologies("r.md", lines) if t.leaving}
    # GKE keeps Google Cloud, line 7 keeps Redshift
    assert leaving == {"Heroku", "PostgreSQL", "Microsoft Azure"}
