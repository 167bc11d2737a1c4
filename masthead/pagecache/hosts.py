"""Which cached host folders show which edition, as Wagtail would answer their requests.

An edition is a Wagtail Site, found for a request by its host name (and
port, when two Sites share a name); a host name that no Site has is the
default Site's. So readers reach one edition under several names: the
demo's ``localhost`` Site under ``127.0.0.1:8000``, a production Site
under ``www.`` and the bare domain, its IP address or a CDN's origin name.
Each name gets its own folder (pages hold absolute URLs built from it), and
a purge of the edition must reach every one of them.

Only purges ask (a write path: one query of the Site table); serving a
page never does.
"""

from __future__ import annotations

from dataclasses import dataclass

from masthead.pagecache.store import FileStore

MAX_WARMED_FOLDERS = 8  # after a publish, render again for the Site's own name and at most 7 others


@dataclass(frozen=True)
class HostMap:
    site_hostnames: tuple[str, ...]  # one per Site (a name twice when two Sites differ by port)
    default_hostname: str | None
    folders: tuple[str, ...]  # host folders in the cache now

    @classmethod
    def load(cls, store: FileStore) -> HostMap:
        from wagtail.models import Site

        sites = list(Site.objects.values_list("hostname", "is_default_site"))
        default = next((hostname.lower() for hostname, is_default in sites if is_default), None)
        return cls(tuple(hostname.lower() for hostname, _ in sites), default, tuple(store.host_folders()))

    def editions_of(self, folder: str) -> set[str]:
        """The Site host names whose edition a folder's pages may be: one, unless its name is shared by Sites."""
        name = folder.partition(":")[0]
        named = self.site_hostnames.count(name)
        if named == 1:
            return {name}
        # No Site of that name: the default's. Several: by port, else the default (Wagtail's own order).
        editions = {name} if named else set()
        return editions | ({self.default_hostname} if self.default_hostname else set())

    def folders_of(self, hostname: str) -> list[str]:
        """Every host folder that may hold pages of the edition(s) named ``hostname`` (and those of that name)."""
        return [folder for folder in self.folders if folder.partition(":")[0] == hostname or hostname in self.editions_of(folder)]

    def folders_to_warm(self, hostname: str) -> list[str]:
        """The Site's own name first (whether or not it has been read yet), then the others readers used."""
        others = [folder for folder in self.folders_of(hostname) if folder != hostname]
        return [hostname, *others][:MAX_WARMED_FOLDERS]
