from macros.urls import relative, url_of


def test_url_of_uses_directory_urls():
    assert url_of("index.md") == ""
    assert url_of("strategier/index.md") == "strategier/"
    assert url_of("strategier/x/tema.md") == "strategier/x/tema/"


def test_relative_links():
    assert relative("strategier/x/tema/", "strategier/x/") == "tema/"
    assert relative("", "strategier/x/") == "../../"
    assert relative("strategier/x/#kilder", "strategier/x/") == "./#kilder"
    assert relative("hvad-kan-du-gøre/borger/", "") == "hvad-kan-du-gøre/borger/"
