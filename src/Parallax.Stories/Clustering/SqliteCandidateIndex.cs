using Microsoft.Data.Sqlite;

namespace Parallax.Stories.Clustering;

/// <summary>
/// An <see cref="ICandidateIndex"/> in a SQLite table, for a store that keeps its index on disk:
/// <c>cluster_postings(seq INTEGER PRIMARY KEY, key INTEGER, story_id INTEGER)</c> with an index on <c>key</c>, so
/// "the newest N stories under a key" is one index range scan read backwards. The caller owns the connection (it
/// may be the store's own); the table is created if missing. Keys are the clusterer's stable 64-bit hashes, stored
/// as signed integers.
/// </summary>
public sealed class SqliteCandidateIndex : ICandidateIndex, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _insertKey;
    private readonly SqliteParameter _insertStory;
    private readonly SqliteCommand _select;
    private readonly SqliteParameter _selectKey;
    private readonly SqliteParameter _selectLimit;

    public SqliteCandidateIndex(SqliteConnection connection)
    {
        _connection = connection;
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            _connection.Open();
        }

        using (var create = _connection.CreateCommand())
        {
            create.CommandText =
                "CREATE TABLE IF NOT EXISTS cluster_postings (seq INTEGER PRIMARY KEY, key INTEGER NOT NULL, story_id INTEGER NOT NULL);" +
                "CREATE INDEX IF NOT EXISTS cluster_postings_key ON cluster_postings(key);";
            create.ExecuteNonQuery();
        }

        _insert = _connection.CreateCommand();
        // as the in-memory index: a story already among the newest few postings of a key is not posted again
        _insert.CommandText =
            "INSERT INTO cluster_postings (key, story_id) SELECT $key, $story " +
            "WHERE NOT EXISTS (SELECT 1 FROM (SELECT story_id FROM cluster_postings WHERE key = $key ORDER BY seq DESC LIMIT 4) WHERE story_id = $story)";
        _insertKey = _insert.Parameters.Add("$key", SqliteType.Integer);
        _insertStory = _insert.Parameters.Add("$story", SqliteType.Integer);

        _select = _connection.CreateCommand();
        _select.CommandText = "SELECT story_id FROM cluster_postings WHERE key = $key ORDER BY seq DESC LIMIT $limit";
        _selectKey = _select.Parameters.Add("$key", SqliteType.Integer);
        _selectLimit = _select.Parameters.Add("$limit", SqliteType.Integer);
    }

    public long PostingCount
    {
        get
        {
            using var count = _connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM cluster_postings";
            return (long)count.ExecuteScalar()!;
        }
    }

    public void Add(long storyId, ReadOnlySpan<ulong> keys)
    {
        if (keys.IsEmpty)
        {
            return;
        }

        // one transaction per article unless the caller already holds one
        using var transaction = _connection.BeginTransaction(deferred: true);
        _insert.Transaction = transaction;
        _insertStory.Value = storyId;
        foreach (var key in keys)
        {
            _insertKey.Value = unchecked((long)key);
            _insert.ExecuteNonQuery();
        }

        transaction.Commit();
        _insert.Transaction = null;
    }

    public void Collect(ReadOnlySpan<WeightedKey> keys, int perKeyLimit, Dictionary<long, float> scores)
    {
        _selectLimit.Value = perKeyLimit;
        foreach (var k in keys)
        {
            _selectKey.Value = unchecked((long)k.Key);
            using var reader = _select.ExecuteReader();
            while (reader.Read())
            {
                long story = reader.GetInt64(0);
                scores[story] = scores.GetValueOrDefault(story) + k.Weight;
            }
        }
    }

    public void Dispose()
    {
        _insert.Dispose();
        _select.Dispose();
    }
}
