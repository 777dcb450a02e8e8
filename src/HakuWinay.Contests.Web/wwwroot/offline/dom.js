// What the offline pages (field.js, visits.js) build their markup with: elements and text only,
// never HTML strings, so a package's content is always data.
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === false || value === null || value === undefined) {
            continue;
        }
        if (name === 'text') {
            element.textContent = value;
        } else if (name.startsWith('on')) {
            element.addEventListener(name.slice(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    element.append(...children.flat().filter(c => c !== null && c !== undefined));
    return element;
}

/** A resource text with its {0}, {1}… filled in. */
export function format(text, ...args) {
    return (text ?? '').replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}
