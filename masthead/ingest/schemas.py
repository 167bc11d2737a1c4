"""Validation of IPTC payloads against IPTC's own schemas, when an operator provides them. Pure.

Masthead's parsers check every field they rely on (an item needs a ``uri``,
a headline must be text, ``pubstatus`` one of IPTC's values…) and that is
always on. Full conformance — unknown properties, wrong types deep inside
rights or GeoJSON blocks, elements out of order in NewsML-G2 — needs the
schemas, which IPTC publishes and Masthead does not ship. Point
``MASTHEAD_INGEST_SCHEMAS`` at a folder holding them::

    <folder>/ninjs/…/ninjs-schema_<version>.json         (+ GeoJSON-schema.json for ninjs ≥ 2.0)
    <folder>/newsml-g2/…/NewsML-G2_<version>-spec-All-Power.xsd   (+ xml.xsd beside them)

and every ninjs and NewsML-G2 payload is validated before it is parsed; a
payload that does not conform is rejected with the schema's first complaint
and where it is. ninjs uses ``jsonschema-rs`` (draft 4 to 2020-12; the
draft-3 ninjs 1.0 schema is upgraded on load), NewsML-G2 lxml's XML Schema.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from pathlib import Path

from masthead.ingest import xmlsafe

_DEV_SCHEMAS = {"1.x_dev": "ninjs-schema-dev_0.2_v1.5.json", "2.x_dev": "ninjs-schema-dev_0.1_v2.1.json"}
_LATEST_BY_MAJOR = {"1": "1.6", "2": "2.2", "3": "3.1"}
_G2_LATEST = "2.35"
# A strict xs:any wildcard demands a schema for foreign vocabularies (ODRL rights
# expressions, for one); without that vocabulary's schema this is not a fault of the item.
_FOREIGN_VOCABULARY = re.compile(r"No matching global element declaration available, but demanded by the strict wildcard")


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def _draft3_to_draft4(node):
    """Upgrade a draft-3 schema in memory: per-property ``required: true`` becomes the object's ``required`` list."""
    if isinstance(node, list):
        return [_draft3_to_draft4(child) for child in node]
    if not isinstance(node, dict):
        return node
    out: dict = {}
    required: list[str] = []
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            properties = {}
            for name, spec in value.items():
                if isinstance(spec, dict) and spec.get("required") is True:
                    required.append(name)
                properties[name] = (
                    _draft3_to_draft4({k: v for k, v in spec.items() if not (k == "required" and isinstance(v, bool))})
                    if isinstance(spec, dict)
                    else spec
                )
            out[key] = properties
        elif key == "$schema":
            out[key] = "http://json-schema.org/draft-04/schema#"
        elif key == "required" and isinstance(value, bool):
            continue
        else:
            out[key] = _draft3_to_draft4(value)
    if required:
        out["required"] = sorted(set(required))
    return out


class SchemaCatalogue:
    """IPTC schemas found under one folder; validators are built once per version and kept."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        self._ninjs: dict[str, object] = {}
        self._g2: dict[str, object] = {}

    # ninjs -------------------------------------------------------------
    @cached_property
    def ninjs_files(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for path in sorted(self.folder.glob("**/ninjs-schema*.json")):
            match = re.fullmatch(r"ninjs-schema_(\d+\.\d+)\.json", path.name)
            if match:
                found.setdefault(match.group(1), path)
        for label, name in _DEV_SCHEMAS.items():
            for path in self.folder.glob(f"**/{name}"):
                found.setdefault(label, path)
        return found

    @cached_property
    def _geojson(self) -> dict | None:
        for path in sorted(self.folder.glob("**/GeoJSON*.json")):
            return json.loads(path.read_text(encoding="utf-8"))
        return None

    def ninjs_version_for(self, document: dict, hint: str | None) -> list[str]:
        """The schema versions to try, best first: the hint, the document's ``$standard``, else its family's latest."""
        if hint and ":" in hint:
            wanted = hint.split(":", 1)[1]
            if wanted in self.ninjs_files:
                return [wanted]
        standard = document.get("$standard")
        if isinstance(standard, dict) and isinstance(standard.get("version"), str) and standard["version"] in self.ninjs_files:
            return [standard["version"]]
        keys = set(document)
        if {"versionCreated", "pubStatus", "contentCreated", "firstCreated", "embargoedUntil"} & keys:
            major = "3"
        elif {"headlines", "bodies", "descriptions", "subjects", "places", "by"} & keys:
            major = "2"
        else:
            major = "1"
        family = sorted(
            (v for v in self.ninjs_files if v.startswith(major + ".") and v[2:].replace(".", "").isdigit()),
            key=_version_key,
            reverse=True,
        )
        return family or ([_LATEST_BY_MAJOR[major]] if _LATEST_BY_MAJOR[major] in self.ninjs_files else [])

    def _ninjs_validator(self, version: str):
        if version not in self._ninjs:
            import jsonschema_rs

            schema = json.loads(self.ninjs_files[version].read_text(encoding="utf-8"))
            if "draft-03" in str(schema.get("$schema", "")):
                schema = _draft3_to_draft4(schema)
            geojson = self._geojson

            def retrieve(uri: str):
                if "geojson" in uri.lower() and geojson is not None:
                    return geojson
                raise ValueError(f"{uri} is not available offline")

            self._ninjs[version] = jsonschema_rs.validator_for(schema, retriever=retrieve, validate_formats=False)
        return self._ninjs[version]

    def validate_ninjs(self, document, hint: str | None = None) -> str:
        """'' if the document conforms to a ninjs schema, else the first complaint of the best-matching version."""
        if not isinstance(document, dict):
            return ""
        versions = self.ninjs_version_for(document, hint)
        if not versions:
            return ""
        try:
            import jsonschema_rs  # noqa: F401
        except ImportError:  # pragma: no cover - the lock file installs it
            return ""
        first_error = ""
        for version in versions:
            validator = self._ninjs_validator(version)
            error = next(iter(validator.iter_errors(document)), None)
            if error is None:
                return ""
            if not first_error:
                where = "/".join(str(part) for part in error.instance_path) or "(top level)"
                first_error = f"not valid ninjs {version}: {error.message} at {where}"
        return first_error

    # NewsML-G2 ---------------------------------------------------------
    @cached_property
    def g2_files(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for path in sorted(self.folder.glob("**/NewsML-G2_*-spec-All-Power.xsd")):
            match = re.fullmatch(r"NewsML-G2_(\d+\.\d+)-spec-All-Power\.xsd", path.name)
            if match:
                found.setdefault(match.group(1), path)
        return found

    def _g2_schema(self, version: str):
        if version not in self._g2:
            from lxml import etree

            path = self.g2_files[version]
            self._g2[version] = etree.XMLSchema(etree.parse(str(path), xmlsafe.parser()))
        return self._g2[version]

    def g2_version_for(self, root, hint: str | None) -> str | None:
        if hint and ":" in hint and hint.split(":", 1)[1] in self.g2_files:
            return hint.split(":", 1)[1]
        declared = root.get("standardversion") or ""
        if declared in self.g2_files:
            return declared
        if _G2_LATEST in self.g2_files:
            return _G2_LATEST
        return max(self.g2_files, key=_version_key, default=None)

    def validate_g2(self, root, hint: str | None = None) -> str:
        version = self.g2_version_for(root, hint)
        if version is None:
            return ""
        schema = self._g2_schema(version)
        if schema.validate(root):
            return ""
        errors = [error for error in schema.error_log if not _FOREIGN_VOCABULARY.search(error.message)]
        if not errors:
            return ""
        error = errors[0]
        return f"not valid NewsML-G2 {version}: line {error.line}: {error.message}"


_catalogues: dict[str, SchemaCatalogue] = {}


def catalogue(folder: str | Path | None) -> SchemaCatalogue | None:
    """The catalogue for a folder (kept for the life of the process), or None when no folder is configured."""
    if not folder:
        return None
    key = str(folder)
    if key not in _catalogues:
        _catalogues[key] = SchemaCatalogue(folder)
    return _catalogues[key]
