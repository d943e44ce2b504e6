"""academy.documents.archives: zip limits are checked on the directory, before unpacking."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

from academy.documents.archives import extract_zip
from tests.documents.docfiles import zip_bomb_bytes

MB = 1024 * 1024


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path):
    bomb = io.BytesIO(zip_bomb_bytes(members=3, inflated_mb=40))  # 120 MB from ~0.4 MB
    tracemalloc.start()
    started = time.perf_counter()
    try:
        refused = extract_zip(bomb, tmp_path, label="bom.zip", max_bytes=50 * MB)
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(refused) == 1 and refused[0][0] == "bom.zip"
    assert "mogelijk een zip-bom" in refused[0][1]
    assert list(tmp_path.iterdir()) == []
    assert elapsed < 1.0 and peak < 20 * MB


def test_a_zip_inside_the_zip_is_not_unpacked_and_is_reported(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("diep.txt", "diep")
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as archive:
        archive.writestr("map/binnen.zip", inner.getvalue())
        archive.writestr("map/goed.txt", "goed")
    outer.seek(0)
    refused = extract_zip(outer, tmp_path, label="buiten.zip")
    assert refused == [("map/binnen.zip", "archief in een archief wordt niet uitgepakt")]
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["goed.txt"]


def test_too_many_members_is_refused_by_the_directory(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(12):
            archive.writestr(f"{number}.txt", "x")
    buffer.seek(0)
    refused = extract_zip(buffer, tmp_path, label="veel.zip", max_members=10)
    assert refused == [("veel.zip", "te veel bestanden in het zip-bestand (maximum 10)")]
