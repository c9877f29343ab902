"""The project's own model class; `.mlsec.yaml` allows it in pickles, with a reason."""


class TinyNet:
    def __init__(self, width: int = 4) -> None:
        self.width = width
