using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using CsCheck;

namespace Comity.Domain.Tests.Cooperation;

public sealed class RequestDraftValidatorTests
{
    [Fact]
    public void Validate_CompleteDraftOfEveryKind_IsValid()
    {
        Assert.All(RequestKinds.All, kind =>
        {
            var result = RequestDraftValidator.Validate(RequestBuilder.Draft(kind), new RequestValidationContext(["en", "fr"], ConventionInForce: true));

            Assert.True(result.IsValid, string.Join("; ", result.Problems));
            Assert.Equal(kind, result.Request!.Kind);
            Assert.Equal("XA", result.Request.RequestingState.Value);
            Assert.Equal("XB", result.Request.RequestedState.Value);
            Assert.Equal(Side.Requesting, CooperationRequest.TranslationProvidedBy);
        });
    }

    [Fact]
    [Trait("Article", "42")]
    public void Validate_EmptyPreservationRequest_ListsEveryMissingItemWithItsFieldAndArticle()
    {
        var draft = new RequestDraft { Kind = RequestKind.ExpeditedPreservation };

        var result = RequestDraftValidator.Validate(draft);

        Assert.False(result.IsValid);
        Assert.Null(result.Request);
        var missing = result.Problems.Where(p => p.Code == "request.missing-content").ToList();
        Assert.Equal(
            [
                "contents.requestingAuthority", "contents.offence", "contents.summaryOfFacts", "contents.dataToPreserve",
                "contents.linkToOffence", "contents.custodianOrLocation", "contents.preservationNecessity", "contents.intendedFollowUp",
            ],
            missing.Select(p => p.Field));
        Assert.All(missing, p => Assert.Equal(Convention.Art(42), p.Basis));
        Assert.Equal(
            ["contents.custodianOrLocation", "contents.dataToPreserve", "contents.intendedFollowUp", "contents.linkToOffence", "contents.offence",
             "contents.preservationNecessity", "contents.requestingAuthority", "contents.summaryOfFacts",
             "legalBasis.kind", "original.language", "original.text", "requestedState", "requestingState"],
            result.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Article", "41(3)(d)")]
    public void Validate_EachKind_ReportsExactlyItsOwnMissingItems()
    {
        Assert.All(RequestKinds.All, kind =>
        {
            var draft = RequestBuilder.Draft(kind) with { Contents = RequestContents.Empty };
            var result = RequestDraftValidator.Validate(draft);
            List<AssistancePurpose> purposes = [.. (draft.Purposes ?? []).Select(c => AssistancePurposes.All.Single(p => p.Code == c))];

            Assert.Equal(
                kind.Profile().RequiredContents.Where(r => r.IsRequiredFor(purposes)).Select(r => ((string?)r.Item.FieldPath(), r.Basis)),
                result.Problems.Select(p => (p.Field, p.Basis)));
            Assert.All(result.Problems, p => Assert.Equal(RequestDraftValidator.MissingContent, p.Code));
        });
    }

    [Fact]
    public void Validate_WhitespaceContent_IsMissing_AndValidContentIsTrimmed()
    {
        var draft = RequestBuilder.Draft(RequestKind.TechnicalAdvice);
        Assert.Equal("contents.question", Assert.Single(RequestDraftValidator.Validate(draft with { Contents = draft.Contents with { Question = "  \t" } }).Problems).Field);

        var trimmed = RequestDraftValidator.Validate(draft with { Contents = draft.Contents with { Question = "  How to read this log?  " } });
        Assert.Equal("How to read this log?", trimmed.Request!.Contents.Question);
    }

    [Fact]
    public void Validate_NoKind_SaysSoWithoutGuessingContents()
    {
        var result = RequestDraftValidator.Validate(RequestBuilder.Draft(RequestKind.LocateSuspect) with { Kind = null });
        Assert.Equal(["request.kind-missing"], result.Problems.Select(p => p.Code));

        var undefined = RequestDraftValidator.Validate(RequestBuilder.Draft(RequestKind.LocateSuspect) with { Kind = (RequestKind)99 });
        Assert.Equal("kind", Assert.Single(undefined.Problems).Field);

        Assert.Equal("request.kind-missing", Assert.Single(RequestDraftValidator.Validate(null).Problems).Code);
    }

    [Fact]
    public void Validate_BadStates_AreNamed()
    {
        var result = RequestDraftValidator.Validate(RequestBuilder.Draft(RequestKind.LegalInformation) with { RequestingState = "France", RequestedState = " " });
        Assert.Equal(["requestingState", "requestedState"], result.Problems.Select(p => p.Field));
        Assert.All(result.Problems, p => Assert.Equal("request.state-invalid", p.Code));

        var same = RequestDraftValidator.Validate(RequestBuilder.Draft(RequestKind.LegalInformation) with { RequestedState = "xa" });
        Assert.Equal(("request.same-state", "requestedState"), (Assert.Single(same.Problems).Code, same.Problems[0].Field));
    }

    [Fact]
    [Trait("Article", "35(1)")]
    public void Validate_OtherLegalBasis_NeedsTheInstrumentNamed()
    {
        var draft = RequestBuilder.Draft(RequestKind.ExpeditedPreservation);

        var bilateral = RequestDraftValidator.Validate(draft with { LegalBasis = new LegalBasis(LegalBasisKind.BilateralTreaty, " ") });
        var problem = Assert.Single(bilateral.Problems);
        Assert.Equal(("request.instrument-missing", "legalBasis.instrument"), (problem.Code, problem.Field));
        Assert.Equal(Convention.Art(35, 1), problem.Basis);

        Assert.True(RequestDraftValidator.Validate(draft with { LegalBasis = new LegalBasis(LegalBasisKind.BilateralTreaty, " XA–XB MLA Treaty 1998 ") }).IsValid);
        Assert.True(RequestDraftValidator.Validate(draft with { LegalBasis = new LegalBasis(LegalBasisKind.BudapestConvention) }).IsValid);
        Assert.True(RequestDraftValidator.Validate(draft with { LegalBasis = new LegalBasis(LegalBasisKind.Reciprocity) }).IsValid);
        Assert.Equal("legalBasis.kind", Assert.Single(RequestDraftValidator.Validate(draft with { LegalBasis = new LegalBasis((LegalBasisKind)42) }).Problems).Field);
    }

    [Fact]
    [Trait("Article", "65")]
    public void Validate_ConventionNotInForceBetweenTheStates_AsksForAnotherBasis()
    {
        var draft = RequestBuilder.Draft(RequestKind.ExpeditedPreservation);
        var notInForce = new RequestValidationContext(ConventionInForce: false);

        var problem = Assert.Single(RequestDraftValidator.Validate(draft, notInForce).Problems);
        Assert.Equal(("request.convention-not-in-force", "legalBasis.kind"), (problem.Code, problem.Field));
        Assert.Equal(Convention.Art(65), problem.Basis);
        Assert.True(RequestDraftValidator.Validate(draft with { LegalBasis = new LegalBasis(LegalBasisKind.BudapestConvention) }, notInForce).IsValid);
    }

    [Fact]
    [Trait("Article", "40(14)")]
    public void Validate_LanguageTheRequestedStateDoesNotAccept_NeedsATranslation()
    {
        var draft = RequestBuilder.Draft(RequestKind.EmergencyDisclosure) with { Original = new RequestText("ru", "Текст запроса") };
        var context = new RequestValidationContext(["en", "fr"]);

        var problem = Assert.Single(RequestDraftValidator.Validate(draft, context).Problems);
        Assert.Equal(("request.language-not-accepted", "original.language"), (problem.Code, problem.Field));
        Assert.Equal(Convention.Art(40, 14), problem.Basis);

        var translated = RequestDraftValidator.Validate(draft with { Translation = new RequestText("en-GB", "Text of the request") }, context);
        Assert.True(translated.IsValid, string.Join("; ", translated.Problems));
        Assert.Equal("ru", translated.Request!.Original.Language);
        Assert.Equal("en-GB", translated.Request.Translation!.Language);

        var stillNot = RequestDraftValidator.Validate(draft with { Translation = new RequestText("es", "Texto") }, context);
        Assert.Equal("translation.language", Assert.Single(stillNot.Problems).Field);
    }

    [Fact]
    [Trait("Article", "40(14)")]
    public void Validate_TextsAndTags_AreChecked()
    {
        var draft = RequestBuilder.Draft(RequestKind.TechnicalAdvice);

        var result = RequestDraftValidator.Validate(draft with { Original = new RequestText("english", ""), Translation = new RequestText(null, "text") });

        Assert.Equal(
            [("request.text-missing", "original.text"), ("request.language-invalid", "original.language"), ("request.language-invalid", "translation.language")],
            result.Problems.Select(p => (p.Code, p.Field)));
        var same = RequestDraftValidator.Validate(draft with { Translation = new RequestText("EN", "Same") });
        Assert.Equal("request.translation-same-language", Assert.Single(same.Problems).Code);
        Assert.True(RequestDraftValidator.Validate(draft with { Translation = new RequestText(" ", " ") }).IsValid);
    }

    [Fact]
    [Trait("Article", "36(1)")]
    public void Validate_RetentionLimit_MustBePositive()
    {
        var draft = RequestBuilder.Draft(RequestKind.ExpeditedDisclosureOfTrafficData);
        var problem = Assert.Single(RequestDraftValidator.Validate(draft with { Conditions = new HandlingConditions { RetentionDays = 0 } }).Problems);
        Assert.Equal(("conditions.retention-invalid", "conditions.retentionDays"), (problem.Code, problem.Field));
        Assert.Equal(Convention.Art(36, 1), problem.Basis);
    }

    [Fact]
    [Trait("Article", "36(3)")]
    public void Validate_UnknownConditionValuesAndNullParts_AreProblemsNotExceptions()
    {
        var draft = RequestBuilder.Draft(RequestKind.LocateSuspect) with
        {
            Conditions = new HandlingConditions { UseLimitation = (UseLimitation)5, OnwardTransfer = (OnwardTransfer)(-1) },
        };

        var result = RequestDraftValidator.Validate(draft);
        Assert.Equal(["conditions.useLimitation", "conditions.onwardTransfer"], result.Problems.Select(p => p.Field));
        Assert.Equal(Convention.Art(36, 3), result.Problems[1].Basis);

        var nulls = RequestDraftValidator.Validate(RequestBuilder.Draft(RequestKind.LocateSuspect) with { Contents = null!, Conditions = null! });
        Assert.Equal(["contents.requestingAuthority", "contents.offence", "contents.summaryOfFacts", "contents.personSought"], nulls.Problems.Select(p => p.Field));
    }

    [Fact]
    public void Validate_AnyDraft_NeverThrows_AndIsValidExactlyWhenThereAreNoProblems()
    {
        var text = Gen.OneOf<string?>(null, "", "  ", "en", "zh-Hans", "x", "XA", "XB", "some text");
        var drafts = Gen.Select(
            Gen.Int[-1, 7],
            text.Array[4],
            Gen.Int[-1, 5],
            text.Array[ContentItems.All.Count],
            Gen.Int[-2, 30],
            Gen.Int[-1, 3],
            (kind, strings, basis, contents, retention, level) => new RequestDraft
            {
                Kind = kind < 0 ? null : (RequestKind)kind,
                RequestingState = strings[0],
                RequestedState = strings[1],
                LegalBasis = basis < 0 ? null : new LegalBasis((LegalBasisKind)basis, strings[2]),
                Original = new RequestText(strings[2], strings[3]),
                Translation = new RequestText(strings[3], strings[0]),
                Contents = ContentItems.All.Aggregate(RequestContents.Empty, (c, i) => c.With(i, contents[(int)i])),
                Conditions = new HandlingConditions { RetentionDays = retention == 0 ? null : retention, Confidentiality = (Confidentiality)level, UseLimitation = (UseLimitation)level },
            });

        drafts.Sample(draft =>
        {
            var result = RequestDraftValidator.Validate(draft, new RequestValidationContext(["en"], ConventionInForce: true));
            Assert.Equal(result.Problems.Count == 0, result.IsValid);
            Assert.All(result.Problems, p => Assert.Matches("^[a-z]+\\.[a-z]+(-[a-z]+)*$", p.Code));
            Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Field)));
        });
    }
}
