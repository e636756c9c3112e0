"""The errors the domain raises to its callers."""


class ApontamentosError(Exception):
    """Base of the domain's errors."""


class DatasetError(ApontamentosError):
    """The dataset is missing, unreadable or not in the export's shape."""


class DatasetNotConfigured(DatasetError):
    """No source was given for the dataset: an operator's setting, not a passing failure."""


class InvalidQuery(ApontamentosError, ValueError):
    """A query got arguments it cannot answer (unknown contract shape, inverted period...)."""
