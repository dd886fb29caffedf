using CsvHelper;

namespace UU.Web.Features.Shared;

/// <summary>How UU reads an uploaded CSV file: with a header, line numbers kept for the messages, bad rows collected instead of thrown.</summary>
public static class CsvFiles
{
    /// <summary>
    /// Reader options for <paramref name="text"/>. Swedish Excel writes semicolons, so the header line says which separator
    /// the file uses; malformed records are added to <paramref name="malformed"/> for the caller to name by line.
    /// </summary>
    public static CsvReaderOptions Options(string text, List<CsvMalformedRecord> malformed)
    {
        var firstLine = text.Split('\n', 2)[0];
        return new CsvReaderOptions
        {
            Separator = firstLine.Contains(';', StringComparison.Ordinal) && !firstLine.Contains(',', StringComparison.Ordinal) ? ';' : ',',
            HasHeader = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = malformed.Add,
        };
    }
}
