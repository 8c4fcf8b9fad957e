// A miniature node that breaks each rule of AreaRules once, for CompiledAreaRulesTests: each rule must
// report the type named after what it does wrong. One file with block namespaces, so that the whole
// miniature reads as one picture (hence IDE0161 off); the namespaces follow the node's areas, not this folder.
#pragma warning disable IDE0161

namespace Comity.Architecture.Tests.Fixtures.Node.Kernel
{
    public sealed class NodeId;

    /// <summary>Breaks "Kernel depends on no other area"; with Storage using Kernel, it also makes a cycle between areas.</summary>
    public sealed class KernelUsesStorage
    {
        public Storage.StorageUsesAFeature? Storage { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Storage
{
    /// <summary>Breaks "Storage uses only Kernel": it maps a feature's table.</summary>
    public sealed class StorageUsesAFeature
    {
        public Kernel.NodeId? Id { get; init; }

        public Features.Treaty.TreatyRecord? Treaty { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Api
{
    /// <summary>Breaks "Api uses only Kernel".</summary>
    public sealed class ApiUsesIdentity
    {
        public Identity.Account? Account { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Identity
{
    public sealed class Account;

    /// <summary>Breaks "Identity uses only Kernel, Storage and Api".</summary>
    public sealed class IdentityUsesUi
    {
        public Ui.Layout? Layout { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Ui
{
    public sealed class Layout
    {
        public Identity.Account? Account { get; init; }
    }

    /// <summary>Breaks "Ui uses only Kernel, Storage, Api and Identity".</summary>
    public sealed class UiUsesAFeature
    {
        public Features.Requests.RequestRecord? Request { get; init; }
    }

    /// <summary>Breaks "No area uses Hosting".</summary>
    public sealed class UiUsesHosting
    {
        public Hosting.NodeHost? Host { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Federation.Envelopes
{
    public sealed class Envelope;

    /// <summary>With <see cref="Register.RegisterUsesEnvelopes"/>, a cycle among the Federation areas.</summary>
    public sealed class EnvelopesUseRegister
    {
        public Register.RegisterUsesEnvelopes? Register { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Federation.Register
{
    public sealed class RegisterUsesEnvelopes
    {
        public Envelopes.Envelope? Envelope { get; init; }
    }

    /// <summary>Breaks "Federation uses no feature".</summary>
    public sealed class RegisterUsesAFeature
    {
        public Features.Treaty.TreatyRecord? Treaty { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Features
{
    /// <summary>Sits right in Features, in no area.</summary>
    public sealed class FeatureRegistration;
}

namespace Comity.Architecture.Tests.Fixtures.Node.Features.Treaty
{
    public sealed class TreatyRecord;

    /// <summary>Allowed on its own, but with <see cref="Requests.RequestsUseTreatyContracts"/> a cycle between features.</summary>
    public sealed class TreatyUsesRequestsContracts
    {
        public Requests.Contracts.IRequestPort? Requests { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Features.Treaty.Contracts
{
    public interface ITreatyPort;
}

namespace Comity.Architecture.Tests.Fixtures.Node.Features.Treaty.Mirror
{
    public sealed class TreatyMirror;
}

namespace Comity.Architecture.Tests.Fixtures.Node.Features.Requests
{
    public sealed class RequestRecord;

    public sealed class RequestsUseTreatyContracts
    {
        public Treaty.Contracts.ITreatyPort? Treaty { get; init; }
    }

    /// <summary>Breaks "a feature uses another only through its Contracts".</summary>
    public sealed class RequestsUseTreatyMirror
    {
        public Treaty.Mirror.TreatyMirror? Mirror { get; init; }
    }
}

namespace Comity.Architecture.Tests.Fixtures.Node.Features.Requests.Contracts
{
    public interface IRequestPort;
}

namespace Comity.Architecture.Tests.Fixtures.Node.Hosting
{
    public sealed class NodeHost;
}
