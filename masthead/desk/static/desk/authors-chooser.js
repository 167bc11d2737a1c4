/* The story editor's authors: chosen authors as a list with "Remove", and Wagtail's snippet chooser (with its
   search) to add more, several at a time. The field's own <select multiple> holds the choice; without this
   script it still shows and posts the chosen authors. */
(function () {
  'use strict';

  function setUp(root) {
    if (root.dataset.deskReady) return;
    root.dataset.deskReady = '1';
    const select = root.querySelector('select');
    const list = root.querySelector('[data-desk-authors-chosen]');
    const button = root.querySelector('[data-desk-authors-choose]');
    select.hidden = true;
    button.hidden = false;

    function changed() {
      select.dispatchEvent(new Event('change', { bubbles: true }));
      render();
    }

    function render() {
      list.replaceChildren();
      Array.from(select.options).forEach(function (option) {
        if (!option.selected) return;
        const item = document.createElement('li');
        item.style.display = 'flex';
        item.style.gap = '0.75em';
        item.style.alignItems = 'center';
        const name = document.createElement('span');
        name.textContent = option.textContent;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'button button-small button-secondary no';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', 'Remove ' + option.textContent);
        remove.addEventListener('click', function () {
          option.remove();
          changed();
        });
        item.append(name, remove);
        list.append(item);
      });
      button.textContent = select.selectedOptions.length ? 'Add authors…' : 'Choose authors…';
    }

    button.addEventListener('click', function () {
      // eslint-disable-next-line no-undef
      ModalWorkflow({
        url: root.dataset.chooserUrl,
        urlParams: { multiple: 1 },
        onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
        responses: {
          chosen: function (result) {
            [].concat(result).forEach(function (author) {
              const id = String(author.id);
              if (Array.from(select.options).some(function (o) { return o.value === id; })) return;
              select.add(new Option(author.string || author.title || id, id, true, true));
            });
            changed();
          },
        },
      });
    });
    render();
  }

  function setUpAll() {
    document.querySelectorAll('[data-desk-authors-chooser]').forEach(setUp);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUpAll);
  } else {
    setUpAll();
  }
})();
