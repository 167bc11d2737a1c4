"""The content model: editions' home pages, sections, yearly archives, articles, and the people and agencies behind them."""

from masthead.news.models.anchors import SectionAnchor
from masthead.news.models.articles import ArticlePage, ArticleTag
from masthead.news.models.pages import ArchiveYearPage, HomePage, SectionPage
from masthead.news.models.sources import Agency, AgencyAlias, Author

__all__ = [
    "Agency",
    "AgencyAlias",
    "ArchiveYearPage",
    "ArticlePage",
    "ArticleTag",
    "Author",
    "HomePage",
    "SectionAnchor",
    "SectionPage",
]
