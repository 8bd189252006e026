"""JSON: the roadsec.plan/1 contract, byte-identical for identical input."""

from __future__ import annotations

import json

from roadsec.model.plan import Plan


class JsonReporter:
    media_type = "application/json"

    def render(self, plan: Plan) -> str:
        return json.dumps(plan.to_dict(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
