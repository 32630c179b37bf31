import { unionAll } from './measures.js';

describe('unionAll (one statement for many measures)', () => {
  it('renumbers each part’s placeholders after the previous parts’ and tags its rows with its index', () => {
    const { sql, params } = unionAll(
      [
        { sql: 'SELECT a AS x FROM t WHERE b = $1 AND c = ANY($2::text[]) AND d = $1', params: [1, ['p']] },
        { sql: 'SELECT a AS x FROM u WHERE b = $1', params: [2] },
        { sql: 'SELECT 3 AS x WHERE $2::int > $1::int', params: [4, 5] },
      ],
      'q.x',
    );
    expect(params).toEqual([1, ['p'], 2, 4, 5]);
    expect(sql.split('\nUNION ALL\n')).toEqual([
      'SELECT 0 AS i, q.x FROM (SELECT a AS x FROM t WHERE b = $1 AND c = ANY($2::text[]) AND d = $1) q',
      'SELECT 1 AS i, q.x FROM (SELECT a AS x FROM u WHERE b = $3) q',
      'SELECT 2 AS i, q.x FROM (SELECT 3 AS x WHERE $5::int > $4::int) q',
    ]);
  });
});
