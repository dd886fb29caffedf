namespace UU.Scrapers.Normalisation;

/// <summary>What kind of legal person an organisation number belongs to, read from its group digit.</summary>
public enum BuyerKind
{
    Unknown = 0,
    Company = 1,
    Municipality = 2,
    Region = 3,
    Agency = 4,
    Association = 5,
}

public enum OrganisationNumberProblem
{
    None = 0,
    Empty,
    WrongFormat,
    WrongChecksum,
    PersonalIdentityNumber,
}

/// <summary>
/// A Swedish organisationsnummer (NNNNNN-NNNN). Accepts the common written forms (with or without the hyphen,
/// with the 16 prefix) and normalises to the hyphenated ten-digit form. Only legal persons have one whose
/// third digit is 2 or more; a smaller one is a personal identity number, which cannot buy commissioned education.
/// </summary>
public readonly record struct OrganisationNumber
{
    private OrganisationNumber(string digits) => Digits = digits;

    /// <summary>The ten digits without separator.</summary>
    public string Digits { get; }

    public override string ToString() => Digits is null ? "" : $"{Digits[..6]}-{Digits[6..]}";

    public static OrganisationNumberProblem Validate(string? input, out OrganisationNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return OrganisationNumberProblem.Empty;
        }
        var digits = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        // Twelve digits: "16" prefixes an organisation number; "19"/"20" is a century, so it is a personal identity number.
        if (digits.Length == 12 && (digits.StartsWith("16", StringComparison.Ordinal) || digits.StartsWith("19", StringComparison.Ordinal) || digits.StartsWith("20", StringComparison.Ordinal)))
        {
            digits = digits[2..];
        }
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return OrganisationNumberProblem.WrongFormat;
        }
        if (!LuhnValid(digits))
        {
            return OrganisationNumberProblem.WrongChecksum;
        }
        if (digits[2] < '2')
        {
            return OrganisationNumberProblem.PersonalIdentityNumber;
        }
        number = new OrganisationNumber(digits);
        return OrganisationNumberProblem.None;
    }

    public static bool TryParse(string? input, out OrganisationNumber number) =>
        Validate(input, out number) == OrganisationNumberProblem.None;

    /// <summary>
    /// Municipalities are registered as 2120xx-xxxx, regions as 2321xx-xxxx, state agencies as 202xxx-xxxx;
    /// 5 are limited companies, 7 and 8 associations and foundations, 9 partnerships.
    /// </summary>
    public BuyerKind Kind => Digits switch
    {
        null => BuyerKind.Unknown,
        _ when Digits.StartsWith("2120", StringComparison.Ordinal) => BuyerKind.Municipality,
        _ when Digits.StartsWith("2321", StringComparison.Ordinal) => BuyerKind.Region,
        _ when Digits.StartsWith("202", StringComparison.Ordinal) => BuyerKind.Agency,
        _ when Digits[0] == '2' => BuyerKind.Agency,
        _ when Digits[0] is '5' or '9' => BuyerKind.Company,
        _ when Digits[0] is '7' or '8' => BuyerKind.Association,
        _ => BuyerKind.Unknown,
    };

    private static bool LuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
