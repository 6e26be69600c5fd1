using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProgramDsl.Reports
{
    /// <summary>Shared settings for the JSON emitters: indented, UTF-8, readable non-ASCII, LF line ends.</summary>
    internal static class JsonOutput
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        };

        /// <summary>
        /// Writes the document straight to <paramref name="stream"/> as UTF-8, then a final LF. A long writer should
        /// call <see cref="FlushSometimes"/> between items, or the writer buffers the whole document.
        /// </summary>
        public static void Write(Stream stream, Action<Utf8JsonWriter> write)
        {
            using (var writer = new Utf8JsonWriter(stream, Options))
            {
                write(writer);
            }

            stream.WriteByte((byte)'\n');
        }

        /// <summary>Hands what the writer holds to its stream once it holds 64 KiB (a no-op for a memory stream's worth).</summary>
        public static void FlushSometimes(this Utf8JsonWriter writer)
        {
            if (writer.BytesPending >= 1 << 16) writer.Flush();
        }

        public static string Write(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, Options))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        /// <summary>Writes a decimal without a trailing ".0" noise and in invariant form.</summary>
        public static void WriteDecimal(this Utf8JsonWriter writer, string name, decimal value) =>
            writer.WriteNumber(name, decimal.Parse(value.ToString("0.##########", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

        public static void WriteDecimalOrNull(this Utf8JsonWriter writer, string name, decimal? value)
        {
            if (value is decimal d) writer.WriteDecimal(name, d);
            else writer.WriteNull(name);
        }

        public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
        {
            if (value is null) writer.WriteNull(name);
            else writer.WriteString(name, value);
        }
    }
}
