// Loads an original and a minified copy of lodash and underscore and compares the JSON of the results of the same
// calls on both. Usage: node compare-libraries.js <lodash> <lodash.min> <underscore> <underscore.min>
'use strict';
const [lodashPath, lodashMin, underscorePath, underscoreMin] = process.argv.slice(2);

function calls(_) {
  const people = [{ name: 'b', age: 30, team: 'x' }, { name: 'a', age: 25, team: 'y' }, { name: 'c', age: 30, team: 'x' }];
  return {
    chunk: _.chunk ? _.chunk([1, 2, 3, 4, 5], 2) : _.chunk,
    debounce: typeof _.debounce,
    throttle: typeof _.throttle,
    template: _.template('hi <%= name %>! <% _.each(xs, function(x){ %>[<%- x %>]<% }); %>')({ name: 'Bo', xs: ['<a>', 'b'], _ }),
    sortBy: _.sortBy(people, 'age'),
    groupBy: _.groupBy(people, 'team'),
    countBy: _.countBy([1.3, 2.1, 2.4], Math.floor),
    map: _.map([1, 2, 3], (n) => n * 3),
    filter: _.filter([1, 2, 3, 4], (n) => n % 2 === 0),
    reduce: _.reduce([1, 2, 3], (sum, n) => sum + n, 10),
    uniq: _.uniq([2, 1, 2, 3, 1]),
    flatten: _.flatten([1, [2, [3, [4]]], 5]),
    zip: _.zip(['a', 'b'], [1, 2], [true, false]),
    pick: _.pick({ a: 1, b: '2', c: 3 }, 'a', 'c'),
    omit: _.omit({ a: 1, b: '2', c: 3 }, 'b'),
    keys: _.keys({ x: 1, y: 2 }),
    invert: _.invert({ a: 'x', b: 'y' }),
    range: [_.range(5), _.range(1, 10, 3), _.range(0, -4, -1)],
    escape: _.escape('<a href="x">&\'</a>'),
    unescape: _.unescape('&lt;b&gt; &amp; &quot;'),
    isEqual: _.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }),
    isEmpty: [_.isEmpty({}), _.isEmpty([1]), _.isEmpty('')],
    difference: _.difference([1, 2, 3, 4], [2, 4]),
    intersection: _.intersection([1, 2, 3], [2, 3, 4], [3, 2]),
    union: _.union([1, 2], [2, 3]),
    shuffleLength: _.shuffle([1, 2, 3]).length,
    max: _.max(people, (p) => p.age),
    min: _.min([4, 2, 8]),
    size: _.size({ a: 1, b: 2 }),
    first: _.first([5, 6, 7]),
    last: _.last([5, 6, 7]),
    indexBy: (_.indexBy || _.keyBy)(people, 'name'),
    partition: _.partition([1, 2, 3, 4], (n) => n > 2),
    memoize: (() => { let count = 0; const f = _.memoize((n) => { count++; return n * 2; }); f(2); f(2); return count; })(),
    once: (() => { let count = 0; const f = _.once(() => ++count); f(); f(); return count; })(),
    compose: (_.flowRight || _.compose)((x) => x + 1, (x) => x * 2)(5),
    chain: _.chain([3, 1, 2]).sortBy().map((x) => x * 10).value(),
    uniqueIdIsString: typeof _.uniqueId('p'),
    camelCase: _.camelCase ? _.camelCase('Foo Bar-baz') : null,
    get: _.get ? _.get({ a: { b: [{ c: 7 }] } }, 'a.b[0].c') : null,
  };
}

let differences = 0;
let compared = 0;
for (const [name, original, minified] of [['lodash', lodashPath, lodashMin], ['underscore', underscorePath, underscoreMin]]) {
  const expected = calls(require(original));
  const actual = calls(require(minified));
  for (const key of Object.keys(expected)) {
    compared++;
    const [a, b] = [JSON.stringify(expected[key]), JSON.stringify(actual[key])];
    if (a !== b) { differences++; console.log(`${name}.${key}: expected ${a}, got ${b}`); }
  }
}
console.log(`compared ${compared} results, ${differences} different`);
process.exit(differences === 0 && compared >= 60 ? 0 : 1);
