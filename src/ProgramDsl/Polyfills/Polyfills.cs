// Types the compiler needs for modern C# features that netstandard2.0 does not ship.
#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
#endif

#if !NETCOREAPP3_0_OR_GREATER
namespace System.Diagnostics.CodeAnalysis
{
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class NotNullWhenAttribute : Attribute
    {
        public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;
        public bool ReturnValue { get; }
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class MaybeNullWhenAttribute : Attribute
    {
        public MaybeNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;
        public bool ReturnValue { get; }
    }
}
#endif

#if !NET7_0_OR_GREATER
namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>
    /// Marks a string parameter or member as holding text of a given language, so tools
    /// (the ProgramDsl analyzers among them) can check constant arguments. Same full name as the .NET 7+ type.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class StringSyntaxAttribute : Attribute
    {
        /// <summary>Creates the attribute for a language name such as <c>tpm</c>.</summary>
        public StringSyntaxAttribute(string syntax)
        {
            Syntax = syntax;
            Arguments = new object?[0];
        }

        /// <summary>Creates the attribute with language-specific arguments.</summary>
        public StringSyntaxAttribute(string syntax, params object?[] arguments)
        {
            Syntax = syntax;
            Arguments = arguments;
        }

        /// <summary>The language name.</summary>
        public string Syntax { get; }

        /// <summary>Optional language-specific arguments.</summary>
        public object?[] Arguments { get; }
    }
}
#endif
