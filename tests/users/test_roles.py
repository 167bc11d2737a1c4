"""The newsroom's roles: made by the migration, granted per edition, with the two-step review workflow."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowPage

from masthead.news import services as news
from masthead.users import roles


def page_permissions(group: Group, page) -> set[str]:
    return set(GroupPagePermission.objects.filter(group=group, page=page).values_list("permission__codename", flat=True))


def member(django_user_model, name: str, *groups: str):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def draft(section, title="A draft", user=None):
    return news.file_story(section, news.StoryDraft(title=title, paragraphs=["<p>Text.</p>"]), user=user)


def test_the_migration_makes_the_five_roles_and_retires_wagtails_two(db):
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLE_NAMES)
    assert not Group.objects.filter(name="Moderators").exists()
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_a_new_edition_is_granted_to_the_newsroom_on_its_home_not_the_root(edition):
    home = edition.home
    expected = {
        roles.REPORTERS: {"add_page"},
        roles.SUB_EDITORS: {"add_page", "change_page", "lock_page"},
        roles.EDITORS: {"add_page", "change_page", "lock_page", "publish_page", "unlock_page"},
        roles.WIRE_DESK: {"add_page"},
        roles.ADMINISTRATORS: set(),
    }
    root = Page.get_first_root_node()
    for name, codenames in expected.items():
        group = Group.objects.get(name=name)
        assert page_permissions(group, home) == codenames, name
        if name != roles.ADMINISTRATORS:
            assert page_permissions(group, root) == set(), f"{name} has rights on the whole tree"
    assert page_permissions(Group.objects.get(name=roles.ADMINISTRATORS), root) == {
        f"{kind}_page" for kind in roles.ALL_PAGE_PERMISSIONS
    }


def test_only_the_wire_desk_and_administrators_may_see_raw_payloads(db):
    raw = Permission.objects.get(content_type__app_label="ingest", codename="view_wirepayload")
    assert set(raw.group_set.values_list("name", flat=True)) == {roles.WIRE_DESK, roles.ADMINISTRATORS}


def test_every_edition_has_sub_editor_review_then_editor_sign_off(edition):
    workflow = WorkflowPage.objects.get(page=edition.home).workflow
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [type(task) for task in tasks] == [GroupApprovalTask, GroupApprovalTask]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [[roles.SUB_EDITORS], [roles.EDITORS]]
    assert workflow.active


def test_a_story_goes_from_reporter_to_sub_editor_to_editor_before_it_is_live(edition, django_user_model):
    reporter = member(django_user_model, "reporter", roles.REPORTERS)
    sub = member(django_user_model, "sub", roles.SUB_EDITORS)
    editor = member(django_user_model, "editor", roles.EDITORS)
    story = draft(edition.sections["world"], user=reporter)
    perms = story.permissions_for_user(reporter)
    assert perms.can_edit() and not perms.can_publish()
    assert not story.permissions_for_user(sub).can_publish() and story.permissions_for_user(sub).can_edit()

    workflow_state = story.get_workflow().start(story, reporter)
    review = workflow_state.current_task_state
    assert review.task.specific.get_actions(story, reporter) == []
    assert review.task.specific.get_actions(story, editor) == []
    review.approve(user=sub)

    story.refresh_from_db()
    assert not story.live, "a sub-editor's approval must not publish"
    sign_off = story.current_workflow_state.current_task_state
    assert sign_off.task.name == "Editor sign-off"
    assert sign_off.task.specific.get_actions(story, sub) == []
    sign_off.approve(user=editor)
    story.refresh_from_db()
    assert story.live


def test_a_second_edition_can_have_staff_of_its_own(edition, django_user_model):
    second = news.create_edition(name="MM Urdu", hostname="urdu.example.org", is_default=False)
    section = news.create_section(second.root_page.specific, title="Dunya", slug="dunya")
    groups = roles.grant_edition(second.root_page, staff="Urdu edition")
    assert groups[roles.EDITORS].name == "Urdu edition editors"
    assert groups[roles.WIRE_DESK].name == roles.WIRE_DESK  # the wire is the newsroom's

    urdu_editor = member(django_user_model, "urdu", "Urdu edition editors")
    newsroom_editor = member(django_user_model, "newsroom", roles.EDITORS)
    urdu_story, english_story = draft(section), draft(edition.sections["world"])
    assert urdu_story.permissions_for_user(urdu_editor).can_publish()
    assert not english_story.permissions_for_user(urdu_editor).can_edit()
    assert not urdu_story.permissions_for_user(newsroom_editor).can_edit()
    assert english_story.permissions_for_user(newsroom_editor).can_publish()

    workflow = WorkflowPage.objects.get(page=second.root_page).workflow
    assert workflow.name == "Urdu edition: Newsroom review"
    names = [list(task.specific.groups.values_list("name", flat=True)) for task in workflow.tasks.all()]
    assert sorted(names) == [["Urdu edition editors"], ["Urdu edition sub-editors"]]
    assert roles.grant_edition(second.root_page, staff="Urdu edition")  # safe to run again
    assert GroupPagePermission.objects.filter(page=second.root_page, group=groups[roles.EDITORS]).count() == 5


def test_wagtails_default_groups_become_sub_editors_and_editors_with_their_members(db, django_user_model):
    """A site made before the roles: its Editors (no publish) and Moderators (publish) keep what they could do."""
    Group.objects.all().delete()
    root = Page.get_first_root_node()
    moderators, editors = Group.objects.create(name="Moderators"), Group.objects.create(name="Editors")
    GroupPagePermission.objects.create(group=moderators, page=root, permission_type="publish")
    GroupPagePermission.objects.create(group=editors, page=root, permission_type="change")
    could_publish = member(django_user_model, "could-publish", "Moderators")
    could_edit = member(django_user_model, "could-edit", "Editors")

    roles.install_roles()

    assert list(could_publish.groups.values_list("name", flat=True)) == [roles.EDITORS]
    assert list(could_edit.groups.values_list("name", flat=True)) == [roles.SUB_EDITORS]
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLE_NAMES)
    assert not GroupPagePermission.objects.filter(page=root).exclude(group__name=roles.ADMINISTRATORS).exists()
    home = Page.objects.get(depth=2)  # Wagtail's welcome page, the only site's root
    assert page_permissions(Group.objects.get(name=roles.EDITORS), home) >= {"publish_page"}


@pytest.mark.parametrize("role", [roles.REPORTERS, roles.SUB_EDITORS, roles.EDITORS, roles.WIRE_DESK])
def test_every_role_may_pick_a_picture(db, django_user_model, role):
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    user = member(django_user_model, f"picker-{role[:3]}", role)
    assert policy_registry.get_by_type(get_image_model()).user_has_permission(user, "choose")


def test_the_grant_edition_command(edition):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("grant_edition", "testserver", "--staff", "Night desk", "--dry-run", stdout=out)
    assert "Night desk editors" in out.getvalue() and not Group.objects.filter(name="Night desk editors").exists()
    call_command("grant_edition", "testserver", "--staff", "Night desk", stdout=StringIO())
    assert page_permissions(Group.objects.get(name="Night desk editors"), edition.home) >= {"publish_page"}
    assert page_permissions(Group.objects.get(name=roles.EDITORS), edition.home) == set()


def test_reporters_sub_editors_and_editors_may_translate_the_wire_desk_may_not(db):
    def can_translate(name: str) -> bool:
        return (
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="simple_translation", codename="submit_translation")
            .exists()
        )

    assert all(can_translate(name) for name in (roles.REPORTERS, roles.SUB_EDITORS, roles.EDITORS))
    assert not can_translate(roles.WIRE_DESK)
