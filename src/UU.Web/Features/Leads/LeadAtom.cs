using System.Globalization;
using System.Text;
using System.Xml;

namespace UU.Web.Features.Leads;

/// <summary>Writes leads as an Atom 1.0 feed (RFC 4287); text is escaped by the XML writer, never copied in as markup.</summary>
public static class LeadAtom
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(IReadOnlyList<LeadListItem> items, string origin, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, CheckCharacters = false }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, "urn:uu:leads");
            xml.WriteElementString("title", Atom, "Uppdragsutbildning – leads");
            xml.WriteElementString("updated", Atom, Stamp(now));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "UU omvärldsbevakning");
            xml.WriteEndElement();
            Link(xml, origin + "/office/leads", "alternate");
            foreach (var item in items)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, "urn:uu:lead:" + item.Id.ToString(CultureInfo.InvariantCulture));
                xml.WriteElementString("title", Atom, Clean(item.Title));
                xml.WriteElementString("updated", Atom, Stamp(item.PublishedOn is { } p ? new DateTimeOffset(p.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now));
                Link(xml, origin + "/office/leads/" + item.Id.ToString(CultureInfo.InvariantCulture), "alternate");
                var deadline = item.Deadline is { } d ? d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "–";
                xml.WriteElementString("summary", Atom, Clean($"{item.Buyer ?? "–"} · sista anbudsdag {deadline} · poäng {item.Score} · {item.Status}{(item.MatchReasons is { } r ? " · matchade på: " + r : "")}"));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Scraped text may hold characters XML cannot carry; they are dropped.</summary>
    private static string Clean(string text) => new(text.Where(XmlConvert.IsXmlChar).ToArray());
}
