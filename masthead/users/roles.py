"""The newsroom's roles: who may write, edit, approve, publish and work the wire, per edition.

Five groups, made by a migration (users/0002) and editable afterwards in *Settings → Groups*:

- **Reporters** write stories and submit them for review; they edit their own drafts, nobody else's,
  and publish nothing.
- **Sub-editors** edit anyone's story and approve the first step of review; they publish nothing
  (approving sends the story on to an editor, never live).
- **Editors** publish, schedule, unpublish, lock and unlock, curate the front page (the home page is a
  page they may edit and publish) and keep the author and agency lists.
- **Wire desk** works the wire desk and its sources (*Settings → Wire sources*): the only role that sees
  agency copy as received (raw payloads); it files drafts from wire items, which then go through review.
- **Administrators** have every permission, on every edition.

Page permissions are granted on each edition's home page, never on the tree's root, so a second edition can
have staff of its own (``grant_edition(home, staff="Urdu edition")`` makes groups named
"Urdu edition reporters" and so on, with rights on that edition only). Each edition's home carries a
workflow: sub-editor review, then editor sign-off; an editor's sign-off publishes (or schedules) the story.

Every function takes an ``apps`` registry so the migration can run it on historical models.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps as global_apps

REPORTERS = "Reporters"
SUB_EDITORS = "Sub-editors"
EDITORS = "Editors"
WIRE_DESK = "Wire desk"
ADMINISTRATORS = "Administrators"

ACCESS_ADMIN = "wagtailadmin.access_admin"
WIRE_DESK_PERMISSION = "ingest.view_wireitem"  # the desk and its items
WIRE_ACTION_PERMISSION = "ingest.change_wireitem"  # ignore, restore, ignore a cluster
RAW_PAYLOAD_PERMISSION = "ingest.view_wirepayload"  # agency copy exactly as received
WIRE_CREDIT_PERMISSIONS = ("news.add_agency", "news.change_agency")  # a new agency, or an alias of one
# simple_translation's "Translate": a draft in another edition's language (masthead/translation); publishing it
# still takes an editor.
TRANSLATE_PERMISSION = "simple_translation.submit_translation"

ALL_PAGE_PERMISSIONS = ("add", "change", "bulk_delete", "lock", "publish", "unlock")


@dataclass(frozen=True)
class Role:
    name: str
    page: tuple[str, ...] = ()  # Wagtail page permission types, on each edition's home
    model: tuple[str, ...] = ()  # "app_label.codename"
    images: tuple[str, ...] = ()  # collection permissions on the root collection: add, change, choose
    documents: tuple[str, ...] = ()
    per_edition: bool = True  # False: one newsroom-wide group whatever the edition's staff


ROLES = (
    Role(
        REPORTERS,
        page=("add",),
        model=(ACCESS_ADMIN, "news.view_author", "news.view_agency", TRANSLATE_PERMISSION),
        images=("add", "choose"),
        documents=("add", "choose"),
    ),
    Role(
        SUB_EDITORS,
        page=("add", "change", "lock"),
        model=(
            ACCESS_ADMIN,
            "news.view_author",
            "news.view_agency",
            "news.add_author",
            "news.change_author",
            TRANSLATE_PERMISSION,
        ),
        images=("add", "change", "choose"),
        documents=("add", "change", "choose"),
    ),
    Role(
        EDITORS,
        page=("add", "change", "lock", "publish", "unlock"),
        model=(
            ACCESS_ADMIN,
            *(f"news.{action}_{model}" for model in ("author", "agency") for action in ("add", "change", "delete", "view")),
            TRANSLATE_PERMISSION,
        ),
        images=("add", "change", "choose"),
        documents=("add", "change", "choose"),
    ),
    Role(
        WIRE_DESK,
        page=("add",),
        model=(
            ACCESS_ADMIN,
            WIRE_DESK_PERMISSION,
            WIRE_ACTION_PERMISSION,
            RAW_PAYLOAD_PERMISSION,
            "ingest.view_wirecluster",
            "ingest.change_wirecluster",
            *(f"ingest.{action}_wiresource" for action in ("add", "change", "delete", "view")),
            "news.view_author",
            "news.view_agency",
            # An agency credit the register does not know is offered to the wire editor to add (WIRE_CREDIT_PERMISSIONS).
            *WIRE_CREDIT_PERMISSIONS,
        ),
        images=("add", "choose"),
        documents=("choose",),
        per_edition=False,  # the wire is the newsroom's, not an edition's
    ),
)
ROLE_NAMES = (*(role.name for role in ROLES), ADMINISTRATORS)
REVIEW_STEPS = ((SUB_EDITORS, "sub-editor review"), (EDITORS, "editor sign-off"))


def group_name(role: str, staff: str = "") -> str:
    """``Reporters``, or ``Urdu edition reporters`` for an edition with staff of its own."""
    return f"{staff} {role[0].lower()}{role[1:]}" if staff else role


# --- Permissions ------------------------------------------------------------------------------


def _permission(apps, dotted: str):
    app_label, codename = dotted.split(".", 1)
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(apps, kind: str):
    return _permission(apps, f"wagtailcore.{kind}_page")


def _image_model(apps):
    # Wagtail checks image permissions on its own Image model, whatever the image model in use (ours: Picture).
    return apps.get_model("wagtailimages", "Image")


def _collection_permission(apps, model, action: str):
    """``add_image``, ``choose_document`` …: the codenames Wagtail's collection permission policies ask for."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = ContentType.objects.get_for_model(model)
    return Permission.objects.get(content_type=content_type, codename=f"{action}_{model._meta.model_name}")


def create_all_permissions(apps=global_apps) -> None:
    """Django makes permissions after the last migration; the roles need them while migrating."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        had_models = getattr(app_config, "models_module", None)
        app_config.models_module = had_models or True  # historical apps have none; create_permissions skips those
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = had_models


def _role_group(apps, role: Role, staff: str = ""):
    """The group for a role, with the role's model and collection permissions (set afresh)."""
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=group_name(role.name, staff))
    group.permissions.set([_permission(apps, dotted) for dotted in role.model])
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).first()
    GroupCollectionPermission.objects.filter(group=group).delete()
    if root is not None:
        Document = apps.get_model("wagtaildocs", "Document")
        for model, actions in ((_image_model(apps), role.images), (Document, role.documents)):
            for action in actions:
                GroupCollectionPermission.objects.create(
                    group=group, collection=root, permission=_collection_permission(apps, model, action)
                )
    return group


def _administrators(apps):
    """Every permission there is, page permissions on the whole tree and collection permissions on every collection."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    group.permissions.set(Permission.objects.all())
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for root in Page.objects.filter(depth=1):
        for kind in ALL_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=_page_permission(apps, kind))
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is not None:
        Document = apps.get_model("wagtaildocs", "Document")
        for model in (_image_model(apps), Document):
            for action in ("add", "change", "delete", "choose"):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=_collection_permission(apps, model, action)
                )
    return group


def sync_administrators(apps=global_apps) -> None:
    """Give Administrators the permissions of models added since (run after every migrate)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.add(*Permission.objects.exclude(group=group))


# --- Workflow ---------------------------------------------------------------------------------


def _review_workflow(apps, staff: str = ""):
    """Sub-editor review, then editor sign-off: two group approval tasks in one workflow."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    prefix = f"{staff}: " if staff else ""
    workflow, _ = Workflow.objects.get_or_create(name=f"{prefix}Newsroom review", defaults={"active": True})
    for order, (role, label) in enumerate(REVIEW_STEPS):
        name = f"{prefix}{label[0].upper()}{label[1:]}"
        task = GroupApprovalTask.objects.filter(name=name).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=name, content_type=task_type, active=True)
        task.groups.set([Group.objects.get(name=group_name(role, staff if _is_per_edition(role) else ""))])
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    return workflow


def _is_per_edition(role_name: str) -> bool:
    return next((role.per_edition for role in ROLES if role.name == role_name), False)


def retire_wagtail_defaults(apps=global_apps) -> None:
    """Wagtail starts with "Editors" (edit, no publish) and "Moderators" (publish), both on the whole tree.

    Their members keep what they could do: Wagtail's Editors become Sub-editors, its Moderators become
    Editors. Their root-wide page permissions go (rights are per edition now), and so does the
    "Moderators approval" workflow on the root.
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    moderators = Group.objects.filter(name="Moderators").first()
    editors = Group.objects.filter(name=EDITORS).first()
    if moderators is not None and not Group.objects.filter(name=SUB_EDITORS).exists():
        if editors is not None:
            editors.name = SUB_EDITORS
            editors.save(update_fields=["name"])
        moderators.name = EDITORS
        moderators.save(update_fields=["name"])
    GroupPagePermission.objects.filter(page__depth=1, group__name__in=[SUB_EDITORS, EDITORS]).delete()
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
    Task.objects.filter(name="Moderators approval").update(active=False)


# --- Editions ---------------------------------------------------------------------------------


def grant_edition(home, *, staff: str = "", apps=global_apps) -> dict:
    """Give an edition's staff their rights on its home page (and so on every page of the edition).

    ``staff`` empty: the newsroom-wide groups. ``staff="Urdu edition"``: groups of that edition's own
    ("Urdu edition reporters", …), which replace the newsroom-wide ones on this edition. The Wire desk and
    Administrators are always newsroom-wide. Safe to run again. Returns the groups by role name.
    """
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    page = Page.objects.get(pk=home.pk)
    groups = {}
    for role in ROLES:
        own = staff if role.per_edition else ""
        group = _role_group(apps, role, own) if own else Group.objects.get(name=role.name)
        groups[role.name] = group
        wanted = {_page_permission(apps, kind).pk for kind in role.page}
        GroupPagePermission.objects.filter(group=group, page=page).exclude(permission__in=wanted).delete()
        for permission_id in wanted:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission_id=permission_id)
    if staff:
        shared = [role.name for role in ROLES if role.per_edition]
        GroupPagePermission.objects.filter(page=page, group__name__in=shared).delete()
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": _review_workflow(apps, staff)})
    return groups


def install_roles(apps=global_apps) -> None:
    """The five roles, the review workflow, and every existing edition granted to the newsroom-wide staff."""
    create_all_permissions(apps)
    retire_wagtail_defaults(apps)
    for role in ROLES:
        _role_group(apps, role)
    _administrators(apps)
    Site = apps.get_model("wagtailcore", "Site")
    for site in Site.objects.select_related("root_page"):
        grant_edition(site.root_page, apps=apps)


def administrators_exist(apps=global_apps) -> bool:
    return apps.get_model("auth", "Group").objects.filter(name=ADMINISTRATORS).exists()


def roles_installed(apps=global_apps) -> bool:
    return apps.get_model("auth", "Group").objects.filter(name=REPORTERS).exists()
