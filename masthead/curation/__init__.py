"""Front-page curation: the stories editors place, in order, at the top of the home page and each section page."""
