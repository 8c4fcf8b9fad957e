using System.Net;
using System.Text.Json;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Testing.Databases;

namespace Comity.Node.Tests.Features.Treaty;

/// <summary>The treaty registry API on a Secretariat node, on SQLite and PostgreSQL.</summary>
public sealed class TreatyApiTests(SecretariatNodes nodes) : IClassFixture<SecretariatNodes>
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "65(1)")]
    public async Task RecordRatification_AsSecretariatOfficer_Returns201AndCountsInStatus(DatabaseProvider provider)
    {
        var node = await nodes.GetAsync(provider);
        using var client = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        var before = await client.GetJsonAsync("/api/v1/treaty/status");

        var (response, body) = await client.RecordAsync("Brazil", "ratification", "2026-06-01", "C.N.1.2026.TREATIES-XVIII.16");
        var after = await client.GetJsonAsync("/api/v1/treaty/status");
        var brazil = await client.GetJsonAsync("/api/v1/treaty/participants/BR");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/treaty/instruments/{body.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal("ratification", body.GetProperty("kind").GetString());
        Assert.Equal("2026-06-01", body.GetProperty("date").GetString());
        Assert.Equal("sofia", body.GetProperty("recordedBy").GetString());
        Assert.Equal(before.GetProperty("consentInstruments").GetInt32() + 1, after.GetProperty("consentInstruments").GetInt32());
        Assert.Equal(before.GetProperty("towardEntryIntoForce").GetProperty("count").GetInt32() + 1, after.GetProperty("towardEntryIntoForce").GetProperty("count").GetInt32());
        Assert.Equal("party", brazil.GetProperty("status").GetString());
        Assert.Equal(2, brazil.GetProperty("instruments").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "64(1)")]
    public async Task RecordSignature_After31December2026_Returns422WithArticle64Paragraph1(DatabaseProvider provider) =>
        await AssertRefusedAsync(provider, "Germany", "signature", "2027-01-04", "treaty.signature-closed", "Art. 64(1)");

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "64(2)")]
    public async Task RecordRatification_WithoutSignature_Returns422WithArticle64Paragraph2(DatabaseProvider provider) =>
        await AssertRefusedAsync(provider, "DE", "ratification", "2026-05-04", "treaty.consent-requires-signature", "Art. 64(2)");

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "64(2)")]
    public async Task RecordSecondConsent_Returns422AlreadyBound(DatabaseProvider provider)
    {
        var node = await nodes.GetAsync(provider);
        using var client = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        var (first, _) = await client.RecordAsync("CL", "ratification", "2026-02-02");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertRefusedAsync(provider, "CL", "acceptance", "2026-03-02", "treaty.already-bound", "Art. 64(2)");
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "64(3)")]
    public async Task RecordEuropeanUnionApproval_BeforeAnyMemberState_Returns422(DatabaseProvider provider) =>
        await AssertRefusedAsync(provider, "European Union", "approval", "2026-04-01", "treaty.reio-before-member-state", "Art. 64(3)");

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "67(1)")]
    public async Task RecordDenunciation_ByNonParty_Returns422(DatabaseProvider provider) =>
        await AssertRefusedAsync(provider, "Ghana", "denunciation", "2026-04-01", "treaty.denunciation-not-party", "Art. 67(1)");

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "64(2)")]
    public async Task RecordRatification_TwoAtOnceForTheSameState_RecordsOneAndRefusesTheOther(DatabaseProvider provider)
    {
        var node = await nodes.GetAsync(provider);
        using var one = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        using var two = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        var before = await one.InstrumentCountAsync();

        var results = await Task.WhenAll(
            one.RecordAsync("Jamaica", "ratification", "2026-02-10"),
            two.RecordAsync("Jamaica", "ratification", "2026-02-11"));

        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity],
            results.Select(r => r.Response.StatusCode).Order());
        Assert.Equal(before + 1, await one.InstrumentCountAsync());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RecordInstrument_MalformedFields_Returns400NamingEachField(DatabaseProvider provider)
    {
        var node = await nodes.GetAsync(provider);
        using var client = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        var before = await client.InstrumentCountAsync();

        var (response, problem) = await client.RecordAsync("Atlantis", "ratifikation", "15/03/2026", new string('x', 129));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["participant", "kind", "date", "depositaryNotification"], Fields(problem));
        Assert.Equal(before, await client.InstrumentCountAsync());
    }

    [Fact]
    public async Task RecordDeclaration_WithSubject_DefaultsTheArticleAndShowsOnTheParticipant()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);

        var (response, body) = await client.PostJsonAsync("/api/v1/treaty/declarations", new
        {
            participant = "AT",
            kind = "notification",
            subject = "centralAuthority",
            date = "2026-03-01",
            text = "Federal Ministry of Justice, Vienna.",
        });
        var austria = await client.GetJsonAsync("/api/v1/treaty/participants/AT");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Art. 40(13)", body.GetProperty("article").GetString());
        Assert.Equal("centralAuthority", austria.GetProperty("declarations")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task RecordDeclaration_WithoutArticleOrSubject_Returns400NamingFields()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);

        var (response, problem) = await client.PostJsonAsync("/api/v1/treaty/declarations", new { participant = "AT", kind = "promise", date = "2026-03-01", text = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["kind", "article", "text"], Fields(problem));
    }

    [Fact]
    public async Task RecordInstrument_AsDutyOfficer_Returns403()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var (response, _) = await client.RecordAsync("Brazil", "ratification", "2026-06-01");
        var read = await client.GetAsync("/api/v1/treaty/status", TreatyApi.Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/treaty/status")]
    [InlineData("/api/v1/treaty/participants")]
    [InlineData("/api/v1/treaty/participants/FR")]
    [InlineData("/api/v1/treaty/in-force?a=FR&b=DE")]
    [InlineData("/api/v1/treaty/rules")]
    public async Task Read_Anonymous_Returns401(string url)
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = node.CreateClient();

        var response = await client.GetAsync(url, TreatyApi.Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RecordInstrument_Anonymous_Returns401()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = node.CreateClient();

        var (response, _) = await client.RecordAsync("Brazil", "ratification", "2026-06-01");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("fr", "FR", "France")]
    [InlineData("en", "DE", "Germany")]
    [InlineData("es", "DE", "Alemania")]
    public async Task Participants_WithCulture_NamesInThatLanguage(string culture, string code, string name)
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var list = await client.GetJsonAsync($"/api/v1/treaty/participants?culture={culture}");

        Assert.Equal(196, list.GetArrayLength());
        Assert.Equal(name, list.EnumerateArray().Single(p => p.GetProperty("code").GetString() == code).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Participants_InArabic_NamesInArabicScript()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var france = await client.GetJsonAsync("/api/v1/treaty/participants/FR?culture=ar");

        Assert.All(france.GetProperty("name").GetString()!.Where(char.IsLetter), c => Assert.InRange(c, '\u0600', '\u06FF'));
        Assert.Equal("France", france.GetProperty("unName").GetString());
        Assert.True(france.GetProperty("europeanUnionMember").GetBoolean());
    }

    [Fact]
    public async Task Participants_FilteredByKindStatusAndText_ReturnsMatchesOnly()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var organizations = await client.GetJsonAsync("/api/v1/treaty/participants?kind=regionalEconomicIntegrationOrganization&status=signatory");
        var byText = await client.GetJsonAsync("/api/v1/treaty/participants?q=congo");
        var nobody = await client.GetJsonAsync("/api/v1/treaty/participants?status=denounced");
        var bad = await client.GetAsync("/api/v1/treaty/participants?status=friendly", TreatyApi.Ct);

        Assert.Equal(["EU"], organizations.EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(["CD", "CG"], byText.EnumerateArray().Select(p => p.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(0, nobody.GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Participant_Unknown_Returns404Problem()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var response = await client.GetAsync("/api/v1/treaty/participants/XX", TreatyApi.Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TreatyApi.Ct)).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("treaty.unknown-participant", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Rules_ListsTheDomainCatalogueWithArticles()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var rules = await client.GetJsonAsync("/api/v1/treaty/rules");

        Assert.Equal(Comity.Domain.Legal.RuleCatalogue.All.Count, rules.GetArrayLength());
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("code").GetString() == "treaty.signature-closed" && r.GetProperty("article").GetString() == "Art. 64(1)");
    }

    [Fact]
    public async Task Status_BadAsOf_Returns400NamingTheField()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var response = await client.GetAsync("/api/v1/treaty/status?asOf=tomorrow", TreatyApi.Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TreatyApi.Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["asOf"], Fields(problem));
    }

    private async Task AssertRefusedAsync(DatabaseProvider provider, string participant, string kind, string date, string code, string basis)
    {
        var node = await nodes.GetAsync(provider);
        using var client = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        var before = await client.InstrumentCountAsync();

        var (response, problem) = await client.RecordAsync(participant, kind, date);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(basis, problem.GetProperty("legalBasis").GetString());
        Assert.Equal(before, await client.InstrumentCountAsync());
    }

    private static List<string?> Fields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString())];
}
