using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UU.Web.Data;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Cli;

/// <summary>
/// The layout of a backup archive (.tar.gz): a manifest, the database (a consistent SQLite copy or a pg_dump in
/// custom format) and the storage folder (media, case and agreement documents, scraper snapshots, mail pickup).
/// The search index is left out: it is per node and rebuilds itself from the database.
/// </summary>
public static class BackupArchive
{
    public const string Manifest = "uu-backup.json";
    public const string SqliteEntry = "database/uu.db";
    public const string PostgresEntry = "database/uu.pgdump";
    public const string StoragePrefix = "storage/";

    /// <summary>Files of the data folder that are not storage: the SQLite database itself and the per-node index.</summary>
    public static bool IsStorage(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        return !(path.StartsWith("index/", StringComparison.Ordinal) || path is "uu.db" or "uu.db-wal" or "uu.db-shm" or "uu.db-journal");
    }

    /// <summary>pg_dump or pg_restore: the newest PostgreSQL under /usr/lib/postgresql (a dump needs a tool at least as new as the server), else PATH.</summary>
    public static string? FindPostgresTool(string name)
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Path: Path.Combine(d, "bin", name)))
                .Where(t => File.Exists(t.Path))
                .OrderByDescending(t => t.Version)
                .Select(t => t.Path)
                .FirstOrDefault()
            : null;
        return installed ?? (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs a PostgreSQL client tool against the database; the connection goes in the PG* environment, never on the command line.</summary>
    public static async Task<(int ExitCode, string Error)> RunPostgresToolAsync(string tool, NpgsqlConnectionStringBuilder connection, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, (await error).Trim() + (await output).Trim());
    }
}

public sealed record BackupManifest(int Format, string Provider, DateTimeOffset CreatedAt, int StorageFiles);

/// <summary><c>backup PATH</c>: one archive of the database and the storage folder, taken while the site runs.</summary>
public sealed class BackupVerb(UuDbContext db, DataPaths paths, TimeProvider clock)
{
    public async Task<int> RunAsync(CliConsole console, string target, CancellationToken cancellationToken)
    {
        var archivePath = Path.GetFullPath(target);
        if (!archivePath.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) && !archivePath.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase))
        {
            await console.ErrorLineAsync($"backup: PATH '{target}' must end in .tar.gz (the archive is a gzipped tar).");
            return CommandLine.InvalidInput;
        }
        if (Path.GetDirectoryName(archivePath) is { } folder && !Directory.Exists(folder))
        {
            await console.ErrorLineAsync($"backup: the folder '{folder}' does not exist.");
            return CommandLine.InvalidInput;
        }
        var work = Path.Combine(Path.GetTempPath(), "uu-backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string databaseFile, databaseEntry;
            if (db.Database.IsNpgsql())
            {
                var tool = BackupArchive.FindPostgresTool("pg_dump");
                if (tool is null)
                {
                    await console.ErrorLineAsync("backup: pg_dump was not found under /usr/lib/postgresql/*/bin or on PATH; install postgresql-client (the same major version as the server or newer).");
                    return CommandLine.InvalidInput;
                }
                databaseFile = Path.Combine(work, "uu.pgdump");
                databaseEntry = BackupArchive.PostgresEntry;
                var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
                var (exitCode, error) = await BackupArchive.RunPostgresToolAsync(tool, connection, ["--format=custom", "--no-owner", "--no-privileges", "--file", databaseFile], cancellationToken);
                if (exitCode != 0)
                {
                    await console.ErrorLineAsync($"backup: pg_dump failed (exit code {exitCode}): {error}");
                    return CommandLine.InvalidInput;
                }
            }
            else
            {
                // SQLite's online backup API: a consistent copy page by page while the site keeps reading and writing.
                databaseFile = Path.Combine(work, "uu.db");
                databaseEntry = BackupArchive.SqliteEntry;
                await using var source = new SqliteConnection(db.Database.GetConnectionString());
                await source.OpenAsync(cancellationToken);
                await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ConnectionString);
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
            }

            var storage = Directory.EnumerateFiles(paths.Root, "*", SearchOption.AllDirectories)
                .Select(f => (Full: f, Relative: Path.GetRelativePath(paths.Root, f).Replace('\\', '/')))
                .Where(f => BackupArchive.IsStorage(f.Relative))
                .ToList();
            var manifest = new BackupManifest(1, db.Database.IsNpgsql() ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite), clock.GetUtcNow(), storage.Count);
            var partial = archivePath + ".partial";
            await using (var file = File.Create(partial))
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                var manifestFile = Path.Combine(work, BackupArchive.Manifest);
                await File.WriteAllTextAsync(manifestFile, JsonSerializer.Serialize(manifest), cancellationToken);
                await tar.WriteEntryAsync(manifestFile, BackupArchive.Manifest, cancellationToken);
                await tar.WriteEntryAsync(databaseFile, databaseEntry, cancellationToken);
                foreach (var (full, relative) in storage)
                {
                    await tar.WriteEntryAsync(full, BackupArchive.StoragePrefix + relative, cancellationToken);
                }
            }
            // Only a complete archive gets the name asked for.
            File.Move(partial, archivePath, overwrite: true);
            await console.WriteLineAsync($"Backed up the {manifest.Provider} database and {storage.Count} storage file(s) to {archivePath} ({new FileInfo(archivePath).Length / 1024} KiB).");
            return CommandLine.Ok;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

/// <summary>
/// <c>restore PATH [--force]</c>: the archive's database and storage into this configuration's data folder and
/// database, which must be empty unless --force (then what is there is replaced). Runs before any migration.
/// </summary>
public sealed class RestoreVerb(UuDbContext db, DataPaths paths)
{
    public async Task<int> RunAsync(CliConsole console, string source, bool force, CancellationToken cancellationToken)
    {
        if (!File.Exists(source))
        {
            await console.ErrorLineAsync($"restore: the archive '{source}' does not exist.");
            return CommandLine.InvalidInput;
        }
        var postgres = db.Database.IsNpgsql();
        var connectionString = db.Database.GetConnectionString()!;
        var occupied = Directory.EnumerateFiles(paths.Root, "*", SearchOption.AllDirectories).Any()
            || (postgres && await PostgresHasTablesAsync(connectionString, cancellationToken));
        if (occupied && !force)
        {
            await console.ErrorLineAsync($"restore: the data folder '{paths.Root}'{(postgres ? " or the database" : "")} is not empty; restore into an empty one, or add --force to replace what is there.");
            return CommandLine.InvalidInput;
        }

        var work = Path.Combine(Path.GetTempPath(), "uu-restore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            try
            {
                await using var file = File.OpenRead(source);
                await using var gzip = new GZipStream(file, CompressionMode.Decompress);
                await TarFile.ExtractToDirectoryAsync(gzip, work, overwriteFiles: true, cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
            {
                await console.ErrorLineAsync($"restore: '{source}' is not a UU backup archive (.tar.gz): {ex.Message}");
                return CommandLine.InvalidInput;
            }
            var manifestFile = Path.Combine(work, BackupArchive.Manifest);
            var manifest = File.Exists(manifestFile) ? JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestFile, cancellationToken)) : null;
            if (manifest is null)
            {
                await console.ErrorLineAsync($"restore: '{source}' has no {BackupArchive.Manifest}; it is not a UU backup archive.");
                return CommandLine.InvalidInput;
            }
            var expected = postgres ? nameof(DatabaseProvider.Postgres) : nameof(DatabaseProvider.Sqlite);
            if (manifest.Provider != expected)
            {
                await console.ErrorLineAsync($"restore: the archive holds a {manifest.Provider} database but Database:Provider is {expected}.");
                return CommandLine.InvalidInput;
            }

            if (force)
            {
                SqliteConnection.ClearAllPools();
                foreach (var entry in Directory.EnumerateFileSystemEntries(paths.Root))
                {
                    if (Directory.Exists(entry))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                    else
                    {
                        File.Delete(entry);
                    }
                }
            }
            if (postgres)
            {
                var result = await RestorePostgresAsync(console, connectionString, Path.Combine(work, BackupArchive.PostgresEntry), cancellationToken);
                if (result != CommandLine.Ok)
                {
                    return result;
                }
            }
            else
            {
                var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                File.Copy(Path.Combine(work, BackupArchive.SqliteEntry), target, overwrite: true);
            }
            var storageRoot = Path.Combine(work, "storage");
            var restored = 0;
            if (Directory.Exists(storageRoot))
            {
                foreach (var file in Directory.EnumerateFiles(storageRoot, "*", SearchOption.AllDirectories))
                {
                    var destination = Path.Combine(paths.Root, Path.GetRelativePath(storageRoot, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    File.Copy(file, destination, overwrite: true);
                    restored++;
                }
            }
            await console.WriteLineAsync($"Restored the {manifest.Provider} database of {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC and {restored} storage file(s) into {paths.Root}. The search index rebuilds when the site starts.");
            return CommandLine.Ok;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RestorePostgresAsync(CliConsole console, string connectionString, string dump, CancellationToken cancellationToken)
    {
        var tool = BackupArchive.FindPostgresTool("pg_restore");
        if (tool is null)
        {
            await console.ErrorLineAsync("restore: pg_restore was not found under /usr/lib/postgresql/*/bin or on PATH; install postgresql-client.");
            return CommandLine.InvalidInput;
        }
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        await RecreateDatabaseAsync(connection, cancellationToken);
        var (exitCode, error) = await BackupArchive.RunPostgresToolAsync(tool, connection, ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", connection.Database!, dump], cancellationToken);
        if (exitCode != 0)
        {
            await console.ErrorLineAsync($"restore: pg_restore failed (exit code {exitCode}): {error}");
            return CommandLine.InvalidInput;
        }
        return CommandLine.Ok;
    }

    /// <summary>An empty database of the configured name: a dump restores into nothing but itself.</summary>
    private static async Task RecreateDatabaseAsync(NpgsqlConnectionStringBuilder connection, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        var maintenance = new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Database = "postgres", Pooling = false };
        await using var admin = new NpgsqlConnection(maintenance.ConnectionString);
        await admin.OpenAsync(cancellationToken);
        var name = connection.Database!.Replace("\"", "\"\"", StringComparison.Ordinal);
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> PostgresHasTablesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false; // the database does not exist yet: it is created empty
        }
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = 'public')", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
