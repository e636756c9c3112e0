"""The dataset's location as deployed: a private Blob URL is read with the app's identity."""

from __future__ import annotations

import pytest
from azure.identity import DefaultAzureCredential

from bot.app import build_dataset
from bot.settings import Settings

PRIVATE = "https://stapontabc.blob.core.windows.net/apontamentos/apontamentos.parquet"


@pytest.mark.parametrize(
    ("source", "identity"),
    [
        (PRIVATE, True),  # the templates' default: key access is off, so only an identity can read it
        (PRIVATE + "?sv=2024-11-04&sr=b&sig=abc", False),  # a SAS URL carries its own authorisation
        ("https://example.org/apontamentos.parquet", False),
        ("data/apontamentos.parquet", False),
        ("", False),
    ],
)
def test_a_private_blob_source_is_read_with_the_apps_identity(source: str, identity: bool) -> None:
    provider = build_dataset(Settings.from_env({"APONTAMENTOS_SOURCE": source}))
    assert isinstance(provider._blob_credential, DefaultAzureCredential) is identity
    assert provider.configured is bool(source)
