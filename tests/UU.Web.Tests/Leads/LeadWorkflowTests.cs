using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Leads;

/// <summary>The lead workflow called directly, as the lead pages call it: assignment, status rules, who may do what.</summary>
public abstract class LeadWorkflowTests(Provider provider)
{
    private static readonly LeadActor Coordinator = new("samordnare@uu-demo.se", SeesAll: true, "samordnare@uu-demo.se");

    /// <summary>A running app with one tender matched to special education (held by that subject's contact person) and one matched to nothing.</summary>
    private static async Task<(int Matched, int Other, SubjectContact Contact)> LeadsAsync(UuWebFactory app)
    {
        app.CreateClient().Dispose();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var contact = await db.SubjectContacts.AsNoTracking().Include(c => c.Subject).FirstAsync(c => c.Subject!.Slug == "specialpedagogik");
        var now = app.Clock.GetUtcNow();
        var matched = new Lead { Title = "Kompetensutveckling i specialpedagogik för grundskolans lärare", Buyer = "Sundsvalls kommun", Kind = LeadKind.Tender, CreatedAt = now, UpdatedAt = now };
        var other = new Lead { Title = "Ramavtal för tolktjänster", Buyer = "Ånge kommun", Kind = LeadKind.Tender, CreatedAt = now, UpdatedAt = now };
        db.Leads.AddRange(matched, other);
        await db.SaveChangesAsync();
        db.LeadSubjects.Add(new LeadSubject { LeadId = matched.Id, SubjectId = contact.SubjectId });
        await db.SaveChangesAsync();
        return (matched.Id, other.Id, contact);
    }

    private static LeadActor ContactPerson(SubjectContact contact) => new(contact.Email, SeesAll: false, contact.Email.ToLowerInvariant());

    [Fact]
    public async Task Assigning_SetsTheContactPerson_AndTellsThemAtOnce()
    {
        await using var app = new UuWebFactory(provider);
        var (id, _, contact) = await LeadsAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<LeadWorkflow>();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();

        var badDate = await workflow.AssignAsync(id, contact.Id, "1 augusti", Coordinator, CancellationToken.None);
        Assert.Equal(LeadResult.Invalid, badDate.Result);
        Assert.True(badDate.Fields.ContainsKey("FollowUp"));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.ToAddress == contact.Email));

        var assigned = await workflow.AssignAsync(id, contact.Id, "2026-08-01", Coordinator, CancellationToken.None);
        Assert.Equal(LeadResult.Done, assigned.Result);
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id);
        Assert.Equal((LeadStatus.Assigned, contact.Email, new DateOnly(2026, 8, 1)), (lead.Status, lead.AssignedToEmail, lead.FollowUpOn!.Value));
        var mail = await db.OutboxMessages.SingleAsync(m => m.ToAddress == contact.Email);
        Assert.Contains("specialpedagogik", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Följ upp senast 2026-08-01", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/office/leads/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.True(mail.NextAttemptAt <= app.Clock.GetUtcNow()); // sent at once, not with the digest
        var history = await db.LeadEvents.SingleAsync(e => e.LeadId == id);
        Assert.Equal(LeadStatus.Assigned, history.ToStatus);
        Assert.Contains(contact.Name, history.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubjectContactPerson_CannotAssign_NorSeeOrChangeLeadsTheyDoNotHold()
    {
        await using var app = new UuWebFactory(provider);
        var (mine, other, contact) = await LeadsAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<LeadWorkflow>();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var person = ContactPerson(contact);

        Assert.Equal(LeadResult.Forbidden, (await workflow.AssignAsync(mine, contact.Id, null, person, CancellationToken.None)).Result);
        Assert.Equal(LeadResult.Forbidden, (await workflow.MergeAsync(mine, other, person, CancellationToken.None)).Result);
        Assert.Equal(LeadResult.Forbidden, (await workflow.ChangeAsync(other, LeadStatus.InDialogue, "Ringde dem.", person, CancellationToken.None)).Result);
        Assert.False(await workflow.CanSeeAsync(other, person, CancellationToken.None));
        Assert.True(await workflow.CanSeeAsync(mine, person, CancellationToken.None));
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == mine);
        Assert.Equal((LeadStatus.New, (string?)null), (lead.Status, lead.AssignedToEmail));
        Assert.False(await db.OutboxMessages.AnyAsync());
        Assert.False(await db.LeadEvents.AnyAsync());
    }

    [Fact]
    public async Task ASubjectContactPerson_MovesTheirLeadAlong_ButTriageStaysWithTheCoordinators()
    {
        await using var app = new UuWebFactory(provider);
        var (mine, _, contact) = await LeadsAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<LeadWorkflow>();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var person = ContactPerson(contact);

        var triage = await workflow.ChangeAsync(mine, LeadStatus.NotRelevant, "Inte för oss.", person, CancellationToken.None);
        Assert.Equal(LeadResult.Invalid, triage.Result);
        Assert.Contains("I dialog", triage.Fields["Status"], StringComparison.Ordinal); // says which statuses they may set
        Assert.Equal(LeadStatus.New, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == mine)).Status);

        Assert.True((await workflow.ChangeAsync(mine, LeadStatus.InDialogue, "Ringde rektorn, start i januari.", person, CancellationToken.None)).Succeeded);
        Assert.True((await workflow.AddNoteAsync(mine, "Offert skickas nästa vecka.", person, CancellationToken.None)).Succeeded);
        var history = await db.LeadEvents.AsNoTracking().Where(e => e.LeadId == mine).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(new (LeadStatus?, LeadStatus?)[] { (LeadStatus.New, LeadStatus.InDialogue), (null, null) }, history.Select(e => (e.FromStatus, e.ToStatus)));
        Assert.Equal(contact.Email, history[0].By);
        Assert.Equal(LeadStatus.InDialogue, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == mine)).Status);
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "lead-changed"));
    }

    [Fact]
    public async Task ClosingAsLostOrNotPursued_WithoutAReason_IsRefused()
    {
        await using var app = new UuWebFactory(provider);
        var (id, _, _) = await LeadsAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<LeadWorkflow>();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();

        foreach (var closing in new[] { LeadStatus.Lost, LeadStatus.NotPursued })
        {
            var refused = await workflow.ChangeAsync(id, closing, "   ", Coordinator, CancellationToken.None);
            Assert.Equal(LeadResult.Invalid, refused.Result);
            Assert.Contains("skäl", refused.Error, StringComparison.Ordinal);
            Assert.True(refused.Fields.ContainsKey("Note"));
        }
        var bulk = await workflow.ChangeManyAsync([id], LeadStatus.Lost, null, Coordinator, CancellationToken.None);
        Assert.Contains("skäl", bulk.Error, StringComparison.Ordinal);
        Assert.Equal(LeadStatus.New, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id)).Status);
        Assert.False(await db.LeadEvents.AnyAsync());

        Assert.True((await workflow.ChangeAsync(id, LeadStatus.Lost, "Anbudet gick till ett annat lärosäte.", Coordinator, CancellationToken.None)).Succeeded);
        Assert.Equal(LeadStatus.Lost, (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id)).Status);
        Assert.Equal("Anbudet gick till ett annat lärosäte.", (await db.LeadEvents.SingleAsync()).Note);
    }

    [Fact]
    public async Task ChangingManyLeads_GivesEachItsHistory_AndAnEmptyChoiceIsNamed()
    {
        await using var app = new UuWebFactory(provider);
        var (matched, other, _) = await LeadsAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<LeadWorkflow>();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();

        var empty = await workflow.ChangeManyAsync([], LeadStatus.NotRelevant, null, Coordinator, CancellationToken.None);
        Assert.Contains("Välj minst en lead", empty.Error, StringComparison.Ordinal);
        Assert.True((await workflow.ChangeManyAsync([matched, other, other], LeadStatus.NotRelevant, "Brus", Coordinator, CancellationToken.None)).Succeeded);
        Assert.All(await db.Leads.AsNoTracking().ToListAsync(), l => Assert.Equal(LeadStatus.NotRelevant, l.Status));
        Assert.Equal(2, (await db.LeadEvents.AsNoTracking().ToListAsync()).Count(e => e.ToStatus == LeadStatus.NotRelevant && e.Note!.EndsWith(": Brus", StringComparison.Ordinal)));
    }
}

public sealed class LeadWorkflowTestsOnSqlite() : LeadWorkflowTests(Provider.Sqlite);

public sealed class LeadWorkflowTestsOnPostgres() : LeadWorkflowTests(Provider.Postgres);
