"""Turns the permission directives of a built schema into enforcement, in one pass.

Every object field, input field and root field must carry ``@access`` or ``@public``;
otherwise the schema is refused. Protected object fields get a plain synchronous guard
(a set test against grants that travel with the object); root fields get an async guard
that resolves the caller's grants on the subject person once (cached per request).
Strawberry permission classes are deliberately not used: they cost 40-60 % per field.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast
from uuid import UUID

from graphql import (
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    default_field_resolver,
)
from strawberry.schema.schema_converter import GraphQLCoreConverter

from mobio.auth.directives import Access, Public
from mobio.auth.grants import Grant
from mobio.auth.guarded import NO_GRANTS
from mobio.errors import MobioError, forbidden, unauthenticated

SUBJECT_ARGUMENT = "personId"
"""A root field with this argument acts on that person's data; without it, on the caller's own."""


class SchemaDeclarationError(RuntimeError):
    """A field lacks its permission directive, or declares one that cannot be enforced."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One declared permission: ``grants`` may ``mode`` (read or write) ``type_name.field``."""

    type_name: str
    field: str
    mode: str
    grants: frozenset[Grant]


def _declaration(extensions: dict[str, Any] | None) -> Access | Public | None:
    definition = (extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    for directive in getattr(definition, "directives", ()) or ():
        if isinstance(directive, Access | Public):
            return directive
    return None


def _grants(values: list[Any] | None) -> frozenset[Grant]:
    return frozenset(Grant(value) for value in values or ())


InputRules = dict[str, dict[str, frozenset[Grant]]]
"""Write grants of input fields: input type name -> field name (GraphQL and Python) -> grants."""


def install(schema: GraphQLSchema) -> list[Rule]:
    """Check that every field is declared, wrap protected resolvers, return the rules."""
    rules: list[Rule] = []
    missing: list[str] = []
    input_rules: InputRules = {}
    types = [(n, t) for n, t in sorted(schema.type_map.items()) if not n.startswith("__")]
    for type_name, gql_type in types:
        if isinstance(gql_type, GraphQLInputObjectType):
            for name, input_field in gql_type.fields.items():
                decl = _declaration(input_field.extensions)
                if decl is None:
                    missing.append(f"{type_name}.{name}")
                elif isinstance(decl, Access):
                    if not decl.write or decl.read:
                        raise SchemaDeclarationError(f"{type_name}.{name}: inputs declare write")
                    grants = _grants(decl.write)
                    rules.append(Rule(type_name, name, "write", grants))
                    by_field = input_rules.setdefault(type_name, {})
                    by_field[name] = by_field[input_field.out_name or name] = grants
    roots = {t.name for t in (schema.query_type, schema.mutation_type) if t is not None}
    for type_name, gql_type in types:
        if isinstance(gql_type, GraphQLObjectType):
            for name, field in gql_type.fields.items():
                decl = _declaration(field.extensions)
                if decl is None:
                    missing.append(f"{type_name}.{name}")
                elif isinstance(decl, Access):
                    rules.append(_guard_field(type_name, name, field, decl, roots, input_rules))
    if missing:
        raise SchemaDeclarationError("fields without @access or @public: " + ", ".join(missing))
    return rules


def _guard_field(
    type_name: str,
    name: str,
    field: GraphQLField,
    decl: Access,
    roots: set[str],
    input_rules: InputRules,
) -> Rule:
    read, write = _grants(decl.read), _grants(decl.write)
    resolve = field.resolve or default_field_resolver
    if type_name in roots:
        if bool(read) == bool(write):
            raise SchemaDeclarationError(f"{type_name}.{name}: root fields declare read or write")
        field.resolve = _root_guard(resolve, read or write, field, input_rules)
        return Rule(type_name, name, "read" if read else "write", read or write)
    if write or not read:
        raise SchemaDeclarationError(f"{type_name}.{name}: object fields declare read only")
    if isinstance(field.type, GraphQLNonNull):
        # A denied field answers null, so it must be allowed to be null.
        raise SchemaDeclarationError(f"{type_name}.{name}: protected fields must be nullable")
    field.resolve = _object_guard(resolve, read)
    return Rule(type_name, name, "read", read)


def _object_guard(resolve: Callable[..., Any], allowed: frozenset[Grant]) -> Any:
    def guarded(source: Any, info: GraphQLResolveInfo[Any], **kwargs: Any) -> Any:
        grants: frozenset[Grant] = getattr(source, "grants", NO_GRANTS)
        if grants.isdisjoint(allowed):
            return None
        return resolve(source, info, **kwargs)

    guarded._is_default = getattr(resolve, "_is_default", False)  # type: ignore[attr-defined]
    guarded.allowed = allowed  # type: ignore[attr-defined]
    return guarded


def _root_guard(
    resolve: Callable[..., Any],
    allowed: frozenset[Grant],
    field: GraphQLField,
    input_rules: InputRules,
) -> Any:
    async def guarded(source: Any, info: GraphQLResolveInfo[Any], **kwargs: Any) -> Any:
        access = info.context.access
        subject = kwargs.get(SUBJECT_ARGUMENT)
        if subject is not None:
            grants = await access.grants_on_person(_subject_id(subject))
        else:
            grants = access.own_grants()
        if grants.isdisjoint(allowed):
            # A stakeholder link identifies its holder too: logging in would not help them.
            known = access.principal.is_authenticated or access.principal.stakeholder is not None
            raise forbidden() if known else unauthenticated()
        for arg_name, arg in field.args.items():
            if arg_name in kwargs:
                _check_value(arg.type, kwargs[arg_name], grants, input_rules)
        result = guarded.__wrapped__(source, info, **kwargs)  # type: ignore[attr-defined]
        return await result if inspect.isawaitable(result) else result

    # Looked up at call time (once per root field per request), so tests can probe it.
    guarded.__wrapped__ = resolve  # type: ignore[attr-defined]
    guarded.allowed = allowed  # type: ignore[attr-defined]
    return guarded


def _subject_id(value: object) -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise forbidden() from None


def _check_value(
    gql_type: Any, value: Any, grants: frozenset[Grant], input_rules: InputRules
) -> None:
    """Refuse the whole call if it sets any input field the caller may not write."""
    while isinstance(gql_type, GraphQLNonNull | GraphQLList):
        if isinstance(gql_type, GraphQLList) and isinstance(value, list):
            for item in value:
                _check_value(gql_type.of_type, item, grants, input_rules)
            return
        gql_type = gql_type.of_type
    if not isinstance(gql_type, GraphQLInputObjectType) or not isinstance(value, dict):
        return
    field_rules = input_rules.get(gql_type.name, {})
    for key, item in cast(dict[str, Any], value).items():
        allowed = field_rules.get(key)
        if allowed is not None and grants.isdisjoint(allowed):
            raise MobioError(forbidden().code, "error.field_not_writable", field=key)
        inner = gql_type.fields.get(key)
        if inner is None:
            raise forbidden()  # fail closed on a key this check cannot place
        _check_value(inner.type, item, grants, input_rules)
