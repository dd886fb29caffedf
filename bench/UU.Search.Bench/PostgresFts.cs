using Npgsql;
using NpgsqlTypes;
using UU.Search;

/// <summary>PostgreSQL's built-in full-text search with the `swedish` configuration: title weighted A, text B, all words required, ts_rank_cd.</summary>
internal sealed class PostgresFts : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _table;

    private PostgresFts(NpgsqlConnection connection, string table)
    {
        _connection = connection;
        _table = table;
    }

    public static PostgresFts Create(string connectionString, string name, IReadOnlyList<SearchDocument> docs)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var table = "bench_" + name;
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"""
                DROP TABLE IF EXISTS {table};
                CREATE TABLE {table} (key text PRIMARY KEY, title text, body text, doc tsvector);
                """;
            create.ExecuteNonQuery();
        }
        using (var writer = connection.BeginBinaryImport($"COPY {table} (key, title, body) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in docs)
            {
                writer.StartRow();
                writer.Write(d.Type + ":" + d.Slug, NpgsqlDbType.Text);
                writer.Write(d.Title + " " + d.Code, NpgsqlDbType.Text);
                writer.Write(string.Join(" ", d.Summary, d.Body, d.TitleEn, d.SummaryEn, d.BodyEn), NpgsqlDbType.Text);
            }
            writer.Complete();
        }
        using (var index = connection.CreateCommand())
        {
            index.CommandText = $"""
                UPDATE {table} SET doc = setweight(to_tsvector('swedish', coalesce(title, '')), 'A') || setweight(to_tsvector('swedish', coalesce(body, '')), 'B');
                CREATE INDEX ON {table} USING gin (doc);
                """;
            index.ExecuteNonQuery();
        }
        return new PostgresFts(connection, table);
    }

    public List<string> Search(string query, int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT key FROM {_table}, plainto_tsquery('swedish', $1) q WHERE doc @@ q ORDER BY ts_rank_cd(doc, q) DESC, key LIMIT $2";
        command.Parameters.AddWithValue(query);
        command.Parameters.AddWithValue(limit);
        var keys = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    public void Dispose()
    {
        using (var drop = _connection.CreateCommand())
        {
            drop.CommandText = $"DROP TABLE IF EXISTS {_table}";
            drop.ExecuteNonQuery();
        }
        _connection.Dispose();
    }
}
