"""academy/training/packages.py: module packages (export, validation, import) and their pages."""

from __future__ import annotations

import dataclasses
import io
import time
import zipfile
from collections.abc import Callable, Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from academy.content import module_files
from academy.extensions import db
from academy.models import AuditEvent, Exercise, Module
from academy.training import packages
from tests.training.conftest import Training, get_module


@pytest.fixture
def ctx(app: Flask, training: Training) -> Iterator[Training]:
    with app.app_context():
        yield training


def zip_of(files: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def exported(slug: str) -> bytes:
    return packages.export_module(get_module(slug))


def package_files(slug: str) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(exported(slug))) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


# --- export and import --------------------------------------------------------------------------


def test_export_then_import_gives_the_same_module_as_a_concept(ctx: Training) -> None:
    original = packages.module_seed(get_module(ctx.module))
    assert original.exercises and original.lessons
    result = packages.import_package(exported(ctx.module))
    assert result.renamed_from == ctx.module
    assert result.dropped_keys == []
    copy = get_module(result.module.slug)
    assert copy.slug == f"{ctx.module}-2" and copy.published is False
    imported = packages.module_seed(copy)
    renamed = {e.slug: c.slug for e, c in zip(original.exercises, imported.exercises, strict=True)}
    assert all(new == f"{old}-2" for old, new in renamed.items())
    assert (
        dataclasses.replace(
            imported,
            slug=original.slug,
            exercises=tuple(
                dataclasses.replace(e, slug=o.slug)
                for e, o in zip(imported.exercises, original.exercises, strict=True)
            ),
        )
        == original
    )
    assert {k for e in imported.exercises for k in e.key_documents}  # keys kept
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"training.module_exported", "training.module_imported"} <= actions


def test_the_package_is_the_content_format(ctx: Training) -> None:
    files = package_files(ctx.module)
    folder = f"01-{ctx.module}/"
    seed = packages.module_seed(get_module(ctx.module))
    assert files == {folder + name: text for name, text in module_files(seed).items()}
    assert exported(ctx.module) == exported(ctx.module)  # deterministic bytes


def test_unknown_document_keys_are_dropped_and_listed(ctx: Training) -> None:
    files = package_files(ctx.module)
    name = next(n for n in files if "key_documents" in files[n])
    files[name] = files[name].replace("key_documents = [", "key_documents = ['elders-001', ", 1)
    result = packages.import_package(zip_of(dict(files)))
    assert result.dropped_keys == ["elders-001"]
    keys = [d.key for e in result.module.exercises for d in e.key_documents]
    assert "elders-001" not in keys and keys
    lost = name.rsplit("/", 1)[1][3:-3]
    published = {e.slug.removesuffix("-2"): e.published for e in result.module.exercises}
    assert published.pop(lost) is False  # lost a key: a concept until its key is set again
    assert all(published.values())


def test_a_package_from_elsewhere_keeps_its_slug_when_free(ctx: Training) -> None:
    files = {
        name.replace(f"01-{ctx.module}/", "07-gedeeld-zoeken/"): text
        for name, text in package_files(ctx.module).items()
        if "exercises/" not in name
    }
    result = packages.import_package(zip_of(dict(files)))
    assert result.module.slug == "gedeeld-zoeken" and result.renamed_from is None
    assert result.module.position == db.session.scalar(select(func.max(Module.position)))


def test_validation_and_import_are_fast(ctx: Training) -> None:
    data = exported(ctx.module)
    started = time.perf_counter()
    packages.import_package(data)
    assert time.perf_counter() - started < 1.0


# --- hostile and broken packages ----------------------------------------------------------------


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("01-bom/module.md", b"+" * (12 * 1024 * 1024))
    return buffer.getvalue()


MODULE_MD = "+++\ntitle = 'Gedeeld'\nminutes = 20\ngoals = ['Doel']\n+++\n\nSamenvatting\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip", "geen geldig zip-bestand"),
        (b"x" * (5 * 1024 * 1024 + 1), "groter dan 5 MB"),
        (lambda: _bomb(), "pakt uit tot"),
        (zip_of({f"01-m/lessons/{i:03d}-l.md": "x" for i in range(301)}), "te veel bestanden"),
        (zip_of({"../01-m/module.md": MODULE_MD}), "Onveilige bestandsnaam"),
        (zip_of({"/etc/01-m/module.md": MODULE_MD}), "Onveilige bestandsnaam"),
        (zip_of({"01-m\\..\\module.md": MODULE_MD}), "Onveilige bestandsnaam"),
        (zip_of({"01-a/module.md": MODULE_MD, "01-b/module.md": MODULE_MD}), "precies één map"),
        (zip_of({}), "leeg"),
        (zip_of({"01-m/lessons/01-l.md": "+++\ntitle='x'\n+++\n\nx"}), "01-m/module.md: ontbreekt"),
        (zip_of({"01-m/module.md": "Geen front matter"}), "01-m/module.md: begint niet met"),
        (
            zip_of({"01-m/module.md": MODULE_MD.replace("minutes = 20\n", "")}),
            "01-m/module.md: minutes: ontbreekt",
        ),
        (
            zip_of({"01-m/module.md": MODULE_MD, "01-m/script.py": "print()"}),
            "01-m/script.py: hoort niet in een module",
        ),
        (
            zip_of(
                {
                    "01-m/module.md": MODULE_MD,
                    "01-m/exercises/01-x.md": "+++\nkind = 'raden'\ntitle = 'x'\n+++\n\nDoe\n",
                }
            ),
            "01-m/exercises/01-x.md: kind: moet een van",
        ),
        (zip_of({"01-m/module.md": b"+++\xff\xfe"}), "geen UTF-8-tekst"),
        (zip_of({"Module Een/module.md": MODULE_MD}), "Onveilige bestandsnaam"),
        (zip_of({"module-een/module.md": MODULE_MD}), "naam moet de vorm NN-naam"),
    ],
    ids=[
        "not-zip",
        "huge",
        "bomb",
        "members",
        "traversal",
        "absolute",
        "backslash",
        "two-modules",
        "empty",
        "no-module-md",
        "no-front-matter",
        "missing-field",
        "stray-file",
        "bad-kind",
        "not-utf8",
        "space-in-name",
        "unnumbered",
    ],
)
def test_bad_packages_are_refused_clearly_and_change_nothing(
    ctx: Training, data: bytes | Callable[[], bytes], message: str
) -> None:
    before = db.session.scalar(select(func.count()).select_from(Module))
    exercises = db.session.scalar(select(func.count()).select_from(Exercise))
    with pytest.raises(packages.PackageRefused) as refused:
        packages.import_package(data() if callable(data) else data)
    assert message in str(refused.value)
    assert db.session.scalar(select(func.count()).select_from(Module)) == before
    assert db.session.scalar(select(func.count()).select_from(Exercise)) == exercises


def test_a_symlink_member_is_refused(ctx: Training) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("01-m/module.md", MODULE_MD)
        link = zipfile.ZipInfo("01-m/lessons/01-l.md")
        link.external_attr = (0o120777 << 16) | 0
        archive.writestr(link, "/etc/passwd")
    with pytest.raises(packages.PackageRefused, match="snelkoppeling"):
        packages.import_package(buffer.getvalue())


# --- pages --------------------------------------------------------------------------------------


def test_trainer_downloads_and_uploads_a_package(
    client: FlaskClient, login: Callable[[str], None], app: Flask, training: Training
) -> None:
    with app.app_context():
        module_id = get_module(training.module).id
    login("trainer")
    page = client.get("/leren/beheer")
    assert f"/leren/beheer/modules/{module_id}/pakket".encode() in page.data
    download = client.get(f"/leren/beheer/modules/{module_id}/pakket")
    assert download.status_code == 200
    assert download.mimetype == "application/zip"
    assert f"module-{training.module}.zip" in download.headers["Content-Disposition"]
    form = client.get("/leren/beheer/modules/importeren")
    assert form.status_code == 200 and b'type="file"' in form.data
    response = client.post(
        "/leren/beheer/modules/importeren",
        data={"package": (io.BytesIO(download.data), "module.zip")},
        content_type="multipart/form-data",
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "is geïmporteerd als concept" in response.get_data(as_text=True)
    assert f"{training.module}-2" in response.get_data(as_text=True)
    with app.app_context():
        assert get_module(f"{training.module}-2").published is False


def test_a_bad_upload_shows_the_reason_on_the_form(
    client: FlaskClient, login: Callable[[str], None], training: Training
) -> None:
    login("trainer")
    response = client.post(
        "/leren/beheer/modules/importeren",
        data={"package": (io.BytesIO(b"geen zip"), "module.zip")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "Dit is geen geldig zip-bestand." in response.get_data(as_text=True)
    missing = client.post("/leren/beheer/modules/importeren", data={})
    assert "Kies een zip-bestand met een module." in missing.get_data(as_text=True)


@pytest.mark.parametrize("role", ["medewerker", "programmamanager"])
def test_only_trainers_export_and_import(
    client: FlaskClient, login: Callable[[str], None], app: Flask, training: Training, role: str
) -> None:
    with app.app_context():
        module_id = get_module(training.module).id
    login(role)
    assert client.get(f"/leren/beheer/modules/{module_id}/pakket").status_code == 403
    assert client.get("/leren/beheer/modules/importeren").status_code == 403
    response = client.post(
        "/leren/beheer/modules/importeren",
        data={"package": (io.BytesIO(b"x"), "module.zip")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 403
