"""What an import found: the report, and a record's rejection."""

from dataclasses import dataclass, field


@dataclass
class Rejection:
    index: int  # 1-based position in the file (the line number for JSON Lines)
    id: str | None
    name: str | None
    reasons: list  # [(json path, message)]

    def describe(self):
        who = " ".join(p for p in [f"record {self.index}", self.name and f"“{self.name}”", self.id and f"({self.id})"] if p)
        return who + ":\n" + "\n".join(f"    {path or '/'}: {message}" for path, message in self.reasons)


@dataclass
class ImportReport:
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list = field(default_factory=list)
    warnings: list = field(default_factory=list)  # [(index, id, message)]
    created_ids: list = field(default_factory=list)
    updated_ids: list = field(default_factory=list)

    @property
    def total(self):
        return self.created + self.updated + self.unchanged + len(self.rejected)

    def summary(self):
        verb = "would be " if self.dry_run else ""
        return (
            f"{self.total} records: {self.created} {verb}created, {self.updated} {verb}updated, "
            f"{self.unchanged} unchanged, {len(self.rejected)} rejected"
        )

    def lines(self):
        out = [("Dry run: nothing was written. " if self.dry_run else "") + self.summary()]
        if self.rejected:
            out.append("")
            out.append("Rejected records:")
            out += [r.describe() for r in self.rejected]
        if self.warnings:
            out.append("")
            out.append("Warnings (the record was imported):")
            out += [f"  record {i} ({sid}): {msg}" for i, sid, msg in self.warnings]
        return out


class RecordRejected(Exception):
    def __init__(self, reasons):
        super().__init__(reasons)
        self.reasons = reasons
