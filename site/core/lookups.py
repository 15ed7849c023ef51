"""`pk__in` (and any integer `__in`) that ignores numbers no column can hold.

Django already answers "nothing" for `pk=<huge number>`; `pk__in=[<huge number>]` instead fails in
the database driver (SQLite: "Python int too large"), so a form with a multiple choice of people or
teams gave a 500 for a doctored id. Here the impossible values are dropped before the query is built,
so the form reports an ordinary invalid choice.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerIn(In):
    lookup_name = "in"

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            try:
                low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            except KeyError:  # not a plain integer column: leave the values to the database
                return super().process_rhs(compiler, connection)
            kept = [
                v for v in self.rhs
                if not isinstance(v, int) or ((low is None or v >= low) and (high is None or v <= high))
            ]
            if not kept:
                raise EmptyResultSet
            self.rhs = kept
        return super().process_rhs(compiler, connection)
