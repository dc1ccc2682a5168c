import * as $protobuf from "protobufjs";

/** Namespace datanet. */
export namespace datanet {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a TraceContext.
         * @deprecated Use datanet.v1.TraceContext.$Properties instead.
         */
        interface ITraceContext extends datanet.v1.TraceContext.$Properties {
        }

        /** Represents a TraceContext. */
        class TraceContext {

            /**
             * Constructs a new TraceContext.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.TraceContext.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TraceContext traceparent. */
            traceparent: string;

            /** TraceContext tracestate. */
            tracestate: string;

            /**
             * Creates a new TraceContext instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TraceContext instance
             */
            static create(properties: datanet.v1.TraceContext.$Shape): datanet.v1.TraceContext & datanet.v1.TraceContext.$Shape;
            static create(properties?: datanet.v1.TraceContext.$Properties): datanet.v1.TraceContext;

            /**
             * Encodes the specified TraceContext message. Does not implicitly {@link datanet.v1.TraceContext.verify|verify} messages.
             * @param m TraceContext message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.TraceContext.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TraceContext message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.TraceContext & datanet.v1.TraceContext.$Shape} TraceContext
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.TraceContext & datanet.v1.TraceContext.$Shape;

            /**
             * Verifies a TraceContext message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a TraceContext message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns TraceContext
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.TraceContext;

            /**
             * Creates a plain object from a TraceContext message. Also converts values to other types if specified.
             * @param m TraceContext
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.TraceContext, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TraceContext to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TraceContext
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TraceContext {

            /** Properties of a TraceContext. */
            interface $Properties {

                /** TraceContext traceparent */
                traceparent?: (string|null);

                /** TraceContext tracestate */
                tracestate?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TraceContext. */
            type $Shape = datanet.v1.TraceContext.$Properties;
        }

        /**
         * Properties of an ErrorInfo.
         * @deprecated Use datanet.v1.ErrorInfo.$Properties instead.
         */
        interface IErrorInfo extends datanet.v1.ErrorInfo.$Properties {
        }

        /** Represents an ErrorInfo. */
        class ErrorInfo {

            /**
             * Constructs a new ErrorInfo.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.ErrorInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ErrorInfo code. */
            code: string;

            /** ErrorInfo message. */
            message: string;

            /**
             * Creates a new ErrorInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ErrorInfo instance
             */
            static create(properties: datanet.v1.ErrorInfo.$Shape): datanet.v1.ErrorInfo & datanet.v1.ErrorInfo.$Shape;
            static create(properties?: datanet.v1.ErrorInfo.$Properties): datanet.v1.ErrorInfo;

            /**
             * Encodes the specified ErrorInfo message. Does not implicitly {@link datanet.v1.ErrorInfo.verify|verify} messages.
             * @param m ErrorInfo message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.ErrorInfo.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ErrorInfo message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.ErrorInfo & datanet.v1.ErrorInfo.$Shape} ErrorInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.ErrorInfo & datanet.v1.ErrorInfo.$Shape;

            /**
             * Verifies an ErrorInfo message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an ErrorInfo message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ErrorInfo
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.ErrorInfo;

            /**
             * Creates a plain object from an ErrorInfo message. Also converts values to other types if specified.
             * @param m ErrorInfo
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.ErrorInfo, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ErrorInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ErrorInfo
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ErrorInfo {

            /** Properties of an ErrorInfo. */
            interface $Properties {

                /** ErrorInfo code */
                code?: (string|null);

                /** ErrorInfo message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ErrorInfo. */
            type $Shape = datanet.v1.ErrorInfo.$Properties;
        }

        /**
         * Properties of an EnvelopeHeader.
         * @deprecated Use datanet.v1.EnvelopeHeader.$Properties instead.
         */
        interface IEnvelopeHeader extends datanet.v1.EnvelopeHeader.$Properties {
        }

        /** Represents an EnvelopeHeader. */
        class EnvelopeHeader {

            /**
             * Constructs a new EnvelopeHeader.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.EnvelopeHeader.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EnvelopeHeader schemaVersion. */
            schemaVersion: number;

            /** EnvelopeHeader messageId. */
            messageId: string;

            /** EnvelopeHeader type. */
            type: string;

            /** EnvelopeHeader source. */
            source: string;

            /** EnvelopeHeader target. */
            target: string;

            /** EnvelopeHeader route. */
            route: string[];

            /** EnvelopeHeader sessionId. */
            sessionId: string;

            /** EnvelopeHeader trace. */
            trace?: (datanet.v1.TraceContext.$Properties|null);

            /** EnvelopeHeader issuedAtMs. */
            issuedAtMs: number;

            /** EnvelopeHeader expiresAtMs. */
            expiresAtMs: number;

            /** EnvelopeHeader nonce. */
            nonce: Uint8Array;

            /** EnvelopeHeader payloadSha256. */
            payloadSha256: Uint8Array;

            /** EnvelopeHeader senderCertSha256. */
            senderCertSha256: Uint8Array;

            /** EnvelopeHeader error. */
            error?: (datanet.v1.ErrorInfo.$Properties|null);

            /** EnvelopeHeader metadata. */
            metadata: { [k: string]: string };

            /**
             * Creates a new EnvelopeHeader instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EnvelopeHeader instance
             */
            static create(properties: datanet.v1.EnvelopeHeader.$Shape): datanet.v1.EnvelopeHeader & datanet.v1.EnvelopeHeader.$Shape;
            static create(properties?: datanet.v1.EnvelopeHeader.$Properties): datanet.v1.EnvelopeHeader;

            /**
             * Encodes the specified EnvelopeHeader message. Does not implicitly {@link datanet.v1.EnvelopeHeader.verify|verify} messages.
             * @param m EnvelopeHeader message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.EnvelopeHeader.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EnvelopeHeader message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.EnvelopeHeader & datanet.v1.EnvelopeHeader.$Shape} EnvelopeHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.EnvelopeHeader & datanet.v1.EnvelopeHeader.$Shape;

            /**
             * Verifies an EnvelopeHeader message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an EnvelopeHeader message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns EnvelopeHeader
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.EnvelopeHeader;

            /**
             * Creates a plain object from an EnvelopeHeader message. Also converts values to other types if specified.
             * @param m EnvelopeHeader
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.EnvelopeHeader, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EnvelopeHeader to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for EnvelopeHeader
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EnvelopeHeader {

            /** Properties of an EnvelopeHeader. */
            interface $Properties {

                /** EnvelopeHeader schemaVersion */
                schemaVersion?: (number|null);

                /** EnvelopeHeader messageId */
                messageId?: (string|null);

                /** EnvelopeHeader type */
                type?: (string|null);

                /** EnvelopeHeader source */
                source?: (string|null);

                /** EnvelopeHeader target */
                target?: (string|null);

                /** EnvelopeHeader route */
                route?: (string[]|null);

                /** EnvelopeHeader sessionId */
                sessionId?: (string|null);

                /** EnvelopeHeader trace */
                trace?: (datanet.v1.TraceContext.$Properties|null);

                /** EnvelopeHeader issuedAtMs */
                issuedAtMs?: (number|Long|null);

                /** EnvelopeHeader expiresAtMs */
                expiresAtMs?: (number|Long|null);

                /** EnvelopeHeader nonce */
                nonce?: (Uint8Array|null);

                /** EnvelopeHeader payloadSha256 */
                payloadSha256?: (Uint8Array|null);

                /** EnvelopeHeader senderCertSha256 */
                senderCertSha256?: (Uint8Array|null);

                /** EnvelopeHeader error */
                error?: (datanet.v1.ErrorInfo.$Properties|null);

                /** EnvelopeHeader metadata */
                metadata?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EnvelopeHeader. */
            type $Shape = datanet.v1.EnvelopeHeader.$Properties;
        }

        /**
         * Properties of a SealedPayload.
         * @deprecated Use datanet.v1.SealedPayload.$Properties instead.
         */
        interface ISealedPayload extends datanet.v1.SealedPayload.$Properties {
        }

        /** Represents a SealedPayload. */
        class SealedPayload {

            /**
             * Constructs a new SealedPayload.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.SealedPayload.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SealedPayload ephemeralPublicKey. */
            ephemeralPublicKey: Uint8Array;

            /** SealedPayload salt. */
            salt: Uint8Array;

            /** SealedPayload nonce. */
            nonce: Uint8Array;

            /** SealedPayload ciphertext. */
            ciphertext: Uint8Array;

            /**
             * Creates a new SealedPayload instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SealedPayload instance
             */
            static create(properties: datanet.v1.SealedPayload.$Shape): datanet.v1.SealedPayload & datanet.v1.SealedPayload.$Shape;
            static create(properties?: datanet.v1.SealedPayload.$Properties): datanet.v1.SealedPayload;

            /**
             * Encodes the specified SealedPayload message. Does not implicitly {@link datanet.v1.SealedPayload.verify|verify} messages.
             * @param m SealedPayload message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.SealedPayload.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SealedPayload message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.SealedPayload & datanet.v1.SealedPayload.$Shape} SealedPayload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.SealedPayload & datanet.v1.SealedPayload.$Shape;

            /**
             * Verifies a SealedPayload message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SealedPayload message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SealedPayload
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.SealedPayload;

            /**
             * Creates a plain object from a SealedPayload message. Also converts values to other types if specified.
             * @param m SealedPayload
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.SealedPayload, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SealedPayload to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SealedPayload
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SealedPayload {

            /** Properties of a SealedPayload. */
            interface $Properties {

                /** SealedPayload ephemeralPublicKey */
                ephemeralPublicKey?: (Uint8Array|null);

                /** SealedPayload salt */
                salt?: (Uint8Array|null);

                /** SealedPayload nonce */
                nonce?: (Uint8Array|null);

                /** SealedPayload ciphertext */
                ciphertext?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SealedPayload. */
            type $Shape = datanet.v1.SealedPayload.$Properties;
        }

        /**
         * Properties of a HopStamp.
         * @deprecated Use datanet.v1.HopStamp.$Properties instead.
         */
        interface IHopStamp extends datanet.v1.HopStamp.$Properties {
        }

        /** Represents a HopStamp. */
        class HopStamp {

            /**
             * Constructs a new HopStamp.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.HopStamp.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HopStamp hubId. */
            hubId: string;

            /** HopStamp receivedAtMs. */
            receivedAtMs: number;

            /** HopStamp signature. */
            signature: Uint8Array;

            /** HopStamp hubCert. */
            hubCert: Uint8Array;

            /**
             * Creates a new HopStamp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HopStamp instance
             */
            static create(properties: datanet.v1.HopStamp.$Shape): datanet.v1.HopStamp & datanet.v1.HopStamp.$Shape;
            static create(properties?: datanet.v1.HopStamp.$Properties): datanet.v1.HopStamp;

            /**
             * Encodes the specified HopStamp message. Does not implicitly {@link datanet.v1.HopStamp.verify|verify} messages.
             * @param m HopStamp message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.HopStamp.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HopStamp message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.HopStamp & datanet.v1.HopStamp.$Shape} HopStamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.HopStamp & datanet.v1.HopStamp.$Shape;

            /**
             * Verifies a HopStamp message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a HopStamp message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns HopStamp
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.HopStamp;

            /**
             * Creates a plain object from a HopStamp message. Also converts values to other types if specified.
             * @param m HopStamp
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.HopStamp, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HopStamp to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HopStamp
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HopStamp {

            /** Properties of a HopStamp. */
            interface $Properties {

                /** HopStamp hubId */
                hubId?: (string|null);

                /** HopStamp receivedAtMs */
                receivedAtMs?: (number|Long|null);

                /** HopStamp signature */
                signature?: (Uint8Array|null);

                /** HopStamp hubCert */
                hubCert?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HopStamp. */
            type $Shape = datanet.v1.HopStamp.$Properties;
        }

        /**
         * Properties of an Envelope.
         * @deprecated Use datanet.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends datanet.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope header. */
            header: Uint8Array;

            /** Envelope signature. */
            signature: Uint8Array;

            /** Envelope senderChain. */
            senderChain: Uint8Array[];

            /** Envelope payload. */
            payload: Uint8Array;

            /** Envelope hops. */
            hops: datanet.v1.HopStamp.$Properties[];

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: datanet.v1.Envelope.$Shape): datanet.v1.Envelope & datanet.v1.Envelope.$Shape;
            static create(properties?: datanet.v1.Envelope.$Properties): datanet.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link datanet.v1.Envelope.verify|verify} messages.
             * @param m Envelope message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.Envelope & datanet.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.Envelope & datanet.v1.Envelope.$Shape;

            /**
             * Verifies an Envelope message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Envelope
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param m Envelope
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.Envelope, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Envelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope header */
                header?: (Uint8Array|null);

                /** Envelope signature */
                signature?: (Uint8Array|null);

                /** Envelope senderChain */
                senderChain?: (Uint8Array[]|null);

                /** Envelope payload */
                payload?: (Uint8Array|null);

                /** Envelope hops */
                hops?: (datanet.v1.HopStamp.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Envelope. */
            type $Shape = datanet.v1.Envelope.$Properties;
        }

        /**
         * Properties of a Payload.
         * @deprecated Use datanet.v1.Payload.$Properties instead.
         */
        interface IPayload extends datanet.v1.Payload.$Properties {
        }

        /** Represents a Payload. */
        class Payload {

            /**
             * Constructs a new Payload.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.Payload.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Payload contentType. */
            contentType: string;

            /** Payload body. */
            body: Uint8Array;

            /**
             * Creates a new Payload instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Payload instance
             */
            static create(properties: datanet.v1.Payload.$Shape): datanet.v1.Payload & datanet.v1.Payload.$Shape;
            static create(properties?: datanet.v1.Payload.$Properties): datanet.v1.Payload;

            /**
             * Encodes the specified Payload message. Does not implicitly {@link datanet.v1.Payload.verify|verify} messages.
             * @param m Payload message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.Payload.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Payload message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.Payload & datanet.v1.Payload.$Shape} Payload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.Payload & datanet.v1.Payload.$Shape;

            /**
             * Verifies a Payload message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Payload message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Payload
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.Payload;

            /**
             * Creates a plain object from a Payload message. Also converts values to other types if specified.
             * @param m Payload
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.Payload, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Payload to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Payload
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Payload {

            /** Properties of a Payload. */
            interface $Properties {

                /** Payload contentType */
                contentType?: (string|null);

                /** Payload body */
                body?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Payload. */
            type $Shape = datanet.v1.Payload.$Properties;
        }

        /**
         * Properties of a JobFrame.
         * @deprecated Use datanet.v1.JobFrame.$Properties instead.
         */
        interface IJobFrame extends datanet.v1.JobFrame.$Properties {
        }

        /** Represents a JobFrame. */
        class JobFrame {

            /**
             * Constructs a new JobFrame.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.JobFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobFrame channelId. */
            channelId: string;

            /** JobFrame leaseId. */
            leaseId: string;

            /** JobFrame jobId. */
            jobId: string;

            /** JobFrame subTaskId. */
            subTaskId: string;

            /** JobFrame strategy. */
            strategy: string;

            /** JobFrame messageSeq. */
            messageSeq: number;

            /** JobFrame chunkIndex. */
            chunkIndex: number;

            /** JobFrame chunkCount. */
            chunkCount: number;

            /** JobFrame data. */
            data: Uint8Array;

            /** JobFrame close. */
            close: boolean;

            /** JobFrame closeReason. */
            closeReason: string;

            /**
             * Creates a new JobFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobFrame instance
             */
            static create(properties: datanet.v1.JobFrame.$Shape): datanet.v1.JobFrame & datanet.v1.JobFrame.$Shape;
            static create(properties?: datanet.v1.JobFrame.$Properties): datanet.v1.JobFrame;

            /**
             * Encodes the specified JobFrame message. Does not implicitly {@link datanet.v1.JobFrame.verify|verify} messages.
             * @param m JobFrame message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.JobFrame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobFrame message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.JobFrame & datanet.v1.JobFrame.$Shape} JobFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.JobFrame & datanet.v1.JobFrame.$Shape;

            /**
             * Verifies a JobFrame message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a JobFrame message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns JobFrame
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.JobFrame;

            /**
             * Creates a plain object from a JobFrame message. Also converts values to other types if specified.
             * @param m JobFrame
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.JobFrame, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobFrame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for JobFrame
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace JobFrame {

            /** Properties of a JobFrame. */
            interface $Properties {

                /** JobFrame channelId */
                channelId?: (string|null);

                /** JobFrame leaseId */
                leaseId?: (string|null);

                /** JobFrame jobId */
                jobId?: (string|null);

                /** JobFrame subTaskId */
                subTaskId?: (string|null);

                /** JobFrame strategy */
                strategy?: (string|null);

                /** JobFrame messageSeq */
                messageSeq?: (number|null);

                /** JobFrame chunkIndex */
                chunkIndex?: (number|null);

                /** JobFrame chunkCount */
                chunkCount?: (number|null);

                /** JobFrame data */
                data?: (Uint8Array|null);

                /** JobFrame close */
                close?: (boolean|null);

                /** JobFrame closeReason */
                closeReason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobFrame. */
            type $Shape = datanet.v1.JobFrame.$Properties;
        }

        /**
         * Properties of a SubTaskReport.
         * @deprecated Use datanet.v1.SubTaskReport.$Properties instead.
         */
        interface ISubTaskReport extends datanet.v1.SubTaskReport.$Properties {
        }

        /** Represents a SubTaskReport. */
        class SubTaskReport {

            /**
             * Constructs a new SubTaskReport.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.SubTaskReport.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SubTaskReport reportId. */
            reportId: string;

            /** SubTaskReport jobId. */
            jobId: string;

            /** SubTaskReport subTaskId. */
            subTaskId: string;

            /** SubTaskReport attempt. */
            attempt: number;

            /** SubTaskReport leaseId. */
            leaseId: string;

            /** SubTaskReport lessee. */
            lessee: string;

            /** SubTaskReport lessor. */
            lessor: string;

            /** SubTaskReport strategy. */
            strategy: string;

            /** SubTaskReport outcome. */
            outcome: string;

            /** SubTaskReport startedAtMs. */
            startedAtMs: number;

            /** SubTaskReport endedAtMs. */
            endedAtMs: number;

            /** SubTaskReport resultDigest. */
            resultDigest: Uint8Array;

            /** SubTaskReport inputBytes. */
            inputBytes: number;

            /** SubTaskReport resultBytes. */
            resultBytes: number;

            /** SubTaskReport rows. */
            rows: number;

            /** SubTaskReport failureCode. */
            failureCode: string;

            /**
             * Creates a new SubTaskReport instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SubTaskReport instance
             */
            static create(properties: datanet.v1.SubTaskReport.$Shape): datanet.v1.SubTaskReport & datanet.v1.SubTaskReport.$Shape;
            static create(properties?: datanet.v1.SubTaskReport.$Properties): datanet.v1.SubTaskReport;

            /**
             * Encodes the specified SubTaskReport message. Does not implicitly {@link datanet.v1.SubTaskReport.verify|verify} messages.
             * @param m SubTaskReport message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.SubTaskReport.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SubTaskReport message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.SubTaskReport & datanet.v1.SubTaskReport.$Shape} SubTaskReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.SubTaskReport & datanet.v1.SubTaskReport.$Shape;

            /**
             * Verifies a SubTaskReport message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SubTaskReport message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SubTaskReport
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.SubTaskReport;

            /**
             * Creates a plain object from a SubTaskReport message. Also converts values to other types if specified.
             * @param m SubTaskReport
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.SubTaskReport, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SubTaskReport to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SubTaskReport
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SubTaskReport {

            /** Properties of a SubTaskReport. */
            interface $Properties {

                /** SubTaskReport reportId */
                reportId?: (string|null);

                /** SubTaskReport jobId */
                jobId?: (string|null);

                /** SubTaskReport subTaskId */
                subTaskId?: (string|null);

                /** SubTaskReport attempt */
                attempt?: (number|null);

                /** SubTaskReport leaseId */
                leaseId?: (string|null);

                /** SubTaskReport lessee */
                lessee?: (string|null);

                /** SubTaskReport lessor */
                lessor?: (string|null);

                /** SubTaskReport strategy */
                strategy?: (string|null);

                /** SubTaskReport outcome */
                outcome?: (string|null);

                /** SubTaskReport startedAtMs */
                startedAtMs?: (number|Long|null);

                /** SubTaskReport endedAtMs */
                endedAtMs?: (number|Long|null);

                /** SubTaskReport resultDigest */
                resultDigest?: (Uint8Array|null);

                /** SubTaskReport inputBytes */
                inputBytes?: (number|Long|null);

                /** SubTaskReport resultBytes */
                resultBytes?: (number|Long|null);

                /** SubTaskReport rows */
                rows?: (number|null);

                /** SubTaskReport failureCode */
                failureCode?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SubTaskReport. */
            type $Shape = datanet.v1.SubTaskReport.$Properties;
        }

        /**
         * Properties of an Order.
         * @deprecated Use datanet.v1.Order.$Properties instead.
         */
        interface IOrder extends datanet.v1.Order.$Properties {
        }

        /** Represents an Order. */
        class Order {

            /**
             * Constructs a new Order.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.Order.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Order orderId. */
            orderId: string;

            /** Order clientOrderId. */
            clientOrderId: string;

            /** Order participantId. */
            participantId: string;

            /** Order hubId. */
            hubId: string;

            /** Order side. */
            side: string;

            /** Order cores. */
            cores: number;

            /** Order memoryMib. */
            memoryMib: number;

            /** Order durationS. */
            durationS: number;

            /** Order priceMinorPerCoreSecond. */
            priceMinorPerCoreSecond: number;

            /** Order capabilities. */
            capabilities: string[];

            /** Order securityLevel. */
            securityLevel: number;

            /** Order expiresAtMs. */
            expiresAtMs: number;

            /** Order allOrNone. */
            allOrNone: boolean;

            /**
             * Creates a new Order instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Order instance
             */
            static create(properties: datanet.v1.Order.$Shape): datanet.v1.Order & datanet.v1.Order.$Shape;
            static create(properties?: datanet.v1.Order.$Properties): datanet.v1.Order;

            /**
             * Encodes the specified Order message. Does not implicitly {@link datanet.v1.Order.verify|verify} messages.
             * @param m Order message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.Order.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Order message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.Order & datanet.v1.Order.$Shape} Order
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.Order & datanet.v1.Order.$Shape;

            /**
             * Verifies an Order message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Order message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Order
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.Order;

            /**
             * Creates a plain object from an Order message. Also converts values to other types if specified.
             * @param m Order
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.Order, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Order to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Order
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Order {

            /** Properties of an Order. */
            interface $Properties {

                /** Order orderId */
                orderId?: (string|null);

                /** Order clientOrderId */
                clientOrderId?: (string|null);

                /** Order participantId */
                participantId?: (string|null);

                /** Order hubId */
                hubId?: (string|null);

                /** Order side */
                side?: (string|null);

                /** Order cores */
                cores?: (number|null);

                /** Order memoryMib */
                memoryMib?: (number|Long|null);

                /** Order durationS */
                durationS?: (number|null);

                /** Order priceMinorPerCoreSecond */
                priceMinorPerCoreSecond?: (number|Long|null);

                /** Order capabilities */
                capabilities?: (string[]|null);

                /** Order securityLevel */
                securityLevel?: (number|null);

                /** Order expiresAtMs */
                expiresAtMs?: (number|Long|null);

                /** Order allOrNone */
                allOrNone?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Order. */
            type $Shape = datanet.v1.Order.$Properties;
        }

        /**
         * Properties of a LeaseTerms.
         * @deprecated Use datanet.v1.LeaseTerms.$Properties instead.
         */
        interface ILeaseTerms extends datanet.v1.LeaseTerms.$Properties {
        }

        /** Represents a LeaseTerms. */
        class LeaseTerms {

            /**
             * Constructs a new LeaseTerms.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.LeaseTerms.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LeaseTerms leaseId. */
            leaseId: string;

            /** LeaseTerms lessee. */
            lessee: string;

            /** LeaseTerms lessor. */
            lessor: string;

            /** LeaseTerms lesseeHub. */
            lesseeHub: string;

            /** LeaseTerms lessorHub. */
            lessorHub: string;

            /** LeaseTerms buyOrderId. */
            buyOrderId: string;

            /** LeaseTerms sellOrderId. */
            sellOrderId: string;

            /** LeaseTerms cores. */
            cores: number;

            /** LeaseTerms memoryMib. */
            memoryMib: number;

            /** LeaseTerms durationS. */
            durationS: number;

            /** LeaseTerms priceMinorPerCoreSecond. */
            priceMinorPerCoreSecond: number;

            /** LeaseTerms startMs. */
            startMs: number;

            /** LeaseTerms endMs. */
            endMs: number;

            /** LeaseTerms capabilities. */
            capabilities: string[];

            /** LeaseTerms securityLevel. */
            securityLevel: number;

            /** LeaseTerms maxCostMinor. */
            maxCostMinor: number;

            /**
             * Creates a new LeaseTerms instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseTerms instance
             */
            static create(properties: datanet.v1.LeaseTerms.$Shape): datanet.v1.LeaseTerms & datanet.v1.LeaseTerms.$Shape;
            static create(properties?: datanet.v1.LeaseTerms.$Properties): datanet.v1.LeaseTerms;

            /**
             * Encodes the specified LeaseTerms message. Does not implicitly {@link datanet.v1.LeaseTerms.verify|verify} messages.
             * @param m LeaseTerms message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.LeaseTerms.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseTerms message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.LeaseTerms & datanet.v1.LeaseTerms.$Shape} LeaseTerms
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.LeaseTerms & datanet.v1.LeaseTerms.$Shape;

            /**
             * Verifies a LeaseTerms message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseTerms message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns LeaseTerms
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.LeaseTerms;

            /**
             * Creates a plain object from a LeaseTerms message. Also converts values to other types if specified.
             * @param m LeaseTerms
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.LeaseTerms, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseTerms to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LeaseTerms
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LeaseTerms {

            /** Properties of a LeaseTerms. */
            interface $Properties {

                /** LeaseTerms leaseId */
                leaseId?: (string|null);

                /** LeaseTerms lessee */
                lessee?: (string|null);

                /** LeaseTerms lessor */
                lessor?: (string|null);

                /** LeaseTerms lesseeHub */
                lesseeHub?: (string|null);

                /** LeaseTerms lessorHub */
                lessorHub?: (string|null);

                /** LeaseTerms buyOrderId */
                buyOrderId?: (string|null);

                /** LeaseTerms sellOrderId */
                sellOrderId?: (string|null);

                /** LeaseTerms cores */
                cores?: (number|null);

                /** LeaseTerms memoryMib */
                memoryMib?: (number|Long|null);

                /** LeaseTerms durationS */
                durationS?: (number|null);

                /** LeaseTerms priceMinorPerCoreSecond */
                priceMinorPerCoreSecond?: (number|Long|null);

                /** LeaseTerms startMs */
                startMs?: (number|Long|null);

                /** LeaseTerms endMs */
                endMs?: (number|Long|null);

                /** LeaseTerms capabilities */
                capabilities?: (string[]|null);

                /** LeaseTerms securityLevel */
                securityLevel?: (number|null);

                /** LeaseTerms maxCostMinor */
                maxCostMinor?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LeaseTerms. */
            type $Shape = datanet.v1.LeaseTerms.$Properties;
        }

        /**
         * Properties of a HubSignature.
         * @deprecated Use datanet.v1.HubSignature.$Properties instead.
         */
        interface IHubSignature extends datanet.v1.HubSignature.$Properties {
        }

        /** Represents a HubSignature. */
        class HubSignature {

            /**
             * Constructs a new HubSignature.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.HubSignature.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HubSignature hubId. */
            hubId: string;

            /** HubSignature signature. */
            signature: Uint8Array;

            /** HubSignature hubCert. */
            hubCert: Uint8Array;

            /**
             * Creates a new HubSignature instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HubSignature instance
             */
            static create(properties: datanet.v1.HubSignature.$Shape): datanet.v1.HubSignature & datanet.v1.HubSignature.$Shape;
            static create(properties?: datanet.v1.HubSignature.$Properties): datanet.v1.HubSignature;

            /**
             * Encodes the specified HubSignature message. Does not implicitly {@link datanet.v1.HubSignature.verify|verify} messages.
             * @param m HubSignature message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.HubSignature.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HubSignature message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.HubSignature & datanet.v1.HubSignature.$Shape} HubSignature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.HubSignature & datanet.v1.HubSignature.$Shape;

            /**
             * Verifies a HubSignature message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a HubSignature message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns HubSignature
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.HubSignature;

            /**
             * Creates a plain object from a HubSignature message. Also converts values to other types if specified.
             * @param m HubSignature
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.HubSignature, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HubSignature to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for HubSignature
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace HubSignature {

            /** Properties of a HubSignature. */
            interface $Properties {

                /** HubSignature hubId */
                hubId?: (string|null);

                /** HubSignature signature */
                signature?: (Uint8Array|null);

                /** HubSignature hubCert */
                hubCert?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HubSignature. */
            type $Shape = datanet.v1.HubSignature.$Properties;
        }

        /**
         * Properties of a LeaseContract.
         * @deprecated Use datanet.v1.LeaseContract.$Properties instead.
         */
        interface ILeaseContract extends datanet.v1.LeaseContract.$Properties {
        }

        /** Represents a LeaseContract. */
        class LeaseContract {

            /**
             * Constructs a new LeaseContract.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.LeaseContract.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LeaseContract terms. */
            terms: Uint8Array;

            /** LeaseContract signatures. */
            signatures: datanet.v1.HubSignature.$Properties[];

            /**
             * Creates a new LeaseContract instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LeaseContract instance
             */
            static create(properties: datanet.v1.LeaseContract.$Shape): datanet.v1.LeaseContract & datanet.v1.LeaseContract.$Shape;
            static create(properties?: datanet.v1.LeaseContract.$Properties): datanet.v1.LeaseContract;

            /**
             * Encodes the specified LeaseContract message. Does not implicitly {@link datanet.v1.LeaseContract.verify|verify} messages.
             * @param m LeaseContract message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.LeaseContract.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LeaseContract message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.LeaseContract & datanet.v1.LeaseContract.$Shape} LeaseContract
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.LeaseContract & datanet.v1.LeaseContract.$Shape;

            /**
             * Verifies a LeaseContract message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a LeaseContract message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns LeaseContract
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.LeaseContract;

            /**
             * Creates a plain object from a LeaseContract message. Also converts values to other types if specified.
             * @param m LeaseContract
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.LeaseContract, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LeaseContract to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LeaseContract
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LeaseContract {

            /** Properties of a LeaseContract. */
            interface $Properties {

                /** LeaseContract terms */
                terms?: (Uint8Array|null);

                /** LeaseContract signatures */
                signatures?: (datanet.v1.HubSignature.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LeaseContract. */
            type $Shape = datanet.v1.LeaseContract.$Properties;
        }

        /**
         * Properties of an AdmissionRequest.
         * @deprecated Use datanet.v1.AdmissionRequest.$Properties instead.
         */
        interface IAdmissionRequest extends datanet.v1.AdmissionRequest.$Properties {
        }

        /** Represents an AdmissionRequest. */
        class AdmissionRequest {

            /**
             * Constructs a new AdmissionRequest.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.AdmissionRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AdmissionRequest participantId. */
            participantId: string;

            /** AdmissionRequest enrollmentToken. */
            enrollmentToken: string;

            /** AdmissionRequest signingPublicKey. */
            signingPublicKey: Uint8Array;

            /** AdmissionRequest keyAgreementPublicKey. */
            keyAgreementPublicKey: Uint8Array;

            /** AdmissionRequest requestedAtMs. */
            requestedAtMs: number;

            /** AdmissionRequest proof. */
            proof: Uint8Array;

            /**
             * Creates a new AdmissionRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AdmissionRequest instance
             */
            static create(properties: datanet.v1.AdmissionRequest.$Shape): datanet.v1.AdmissionRequest & datanet.v1.AdmissionRequest.$Shape;
            static create(properties?: datanet.v1.AdmissionRequest.$Properties): datanet.v1.AdmissionRequest;

            /**
             * Encodes the specified AdmissionRequest message. Does not implicitly {@link datanet.v1.AdmissionRequest.verify|verify} messages.
             * @param m AdmissionRequest message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.AdmissionRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AdmissionRequest message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.AdmissionRequest & datanet.v1.AdmissionRequest.$Shape} AdmissionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.AdmissionRequest & datanet.v1.AdmissionRequest.$Shape;

            /**
             * Verifies an AdmissionRequest message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AdmissionRequest message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AdmissionRequest
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.AdmissionRequest;

            /**
             * Creates a plain object from an AdmissionRequest message. Also converts values to other types if specified.
             * @param m AdmissionRequest
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.AdmissionRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AdmissionRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AdmissionRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AdmissionRequest {

            /** Properties of an AdmissionRequest. */
            interface $Properties {

                /** AdmissionRequest participantId */
                participantId?: (string|null);

                /** AdmissionRequest enrollmentToken */
                enrollmentToken?: (string|null);

                /** AdmissionRequest signingPublicKey */
                signingPublicKey?: (Uint8Array|null);

                /** AdmissionRequest keyAgreementPublicKey */
                keyAgreementPublicKey?: (Uint8Array|null);

                /** AdmissionRequest requestedAtMs */
                requestedAtMs?: (number|Long|null);

                /** AdmissionRequest proof */
                proof?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AdmissionRequest. */
            type $Shape = datanet.v1.AdmissionRequest.$Properties;
        }

        /**
         * Properties of an AdmissionResponse.
         * @deprecated Use datanet.v1.AdmissionResponse.$Properties instead.
         */
        interface IAdmissionResponse extends datanet.v1.AdmissionResponse.$Properties {
        }

        /** Represents an AdmissionResponse. */
        class AdmissionResponse {

            /**
             * Constructs a new AdmissionResponse.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.AdmissionResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AdmissionResponse signingCert. */
            signingCert: Uint8Array;

            /** AdmissionResponse keyAgreementCert. */
            keyAgreementCert: Uint8Array;

            /** AdmissionResponse hubCert. */
            hubCert: Uint8Array;

            /** AdmissionResponse caCert. */
            caCert: Uint8Array;

            /**
             * Creates a new AdmissionResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AdmissionResponse instance
             */
            static create(properties: datanet.v1.AdmissionResponse.$Shape): datanet.v1.AdmissionResponse & datanet.v1.AdmissionResponse.$Shape;
            static create(properties?: datanet.v1.AdmissionResponse.$Properties): datanet.v1.AdmissionResponse;

            /**
             * Encodes the specified AdmissionResponse message. Does not implicitly {@link datanet.v1.AdmissionResponse.verify|verify} messages.
             * @param m AdmissionResponse message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.AdmissionResponse.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AdmissionResponse message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.AdmissionResponse & datanet.v1.AdmissionResponse.$Shape} AdmissionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.AdmissionResponse & datanet.v1.AdmissionResponse.$Shape;

            /**
             * Verifies an AdmissionResponse message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AdmissionResponse message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AdmissionResponse
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.AdmissionResponse;

            /**
             * Creates a plain object from an AdmissionResponse message. Also converts values to other types if specified.
             * @param m AdmissionResponse
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.AdmissionResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AdmissionResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AdmissionResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AdmissionResponse {

            /** Properties of an AdmissionResponse. */
            interface $Properties {

                /** AdmissionResponse signingCert */
                signingCert?: (Uint8Array|null);

                /** AdmissionResponse keyAgreementCert */
                keyAgreementCert?: (Uint8Array|null);

                /** AdmissionResponse hubCert */
                hubCert?: (Uint8Array|null);

                /** AdmissionResponse caCert */
                caCert?: (Uint8Array|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AdmissionResponse. */
            type $Shape = datanet.v1.AdmissionResponse.$Properties;
        }

        /**
         * Properties of a DirectoryEntry.
         * @deprecated Use datanet.v1.DirectoryEntry.$Properties instead.
         */
        interface IDirectoryEntry extends datanet.v1.DirectoryEntry.$Properties {
        }

        /** Represents a DirectoryEntry. */
        class DirectoryEntry {

            /**
             * Constructs a new DirectoryEntry.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.DirectoryEntry.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DirectoryEntry nodeId. */
            nodeId: string;

            /** DirectoryEntry hubId. */
            hubId: string;

            /** DirectoryEntry role. */
            role: string;

            /** DirectoryEntry signingCert. */
            signingCert: Uint8Array;

            /** DirectoryEntry keyAgreementCert. */
            keyAgreementCert: Uint8Array;

            /** DirectoryEntry hubCert. */
            hubCert: Uint8Array;

            /** DirectoryEntry securityLevel. */
            securityLevel: number;

            /**
             * Creates a new DirectoryEntry instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DirectoryEntry instance
             */
            static create(properties: datanet.v1.DirectoryEntry.$Shape): datanet.v1.DirectoryEntry & datanet.v1.DirectoryEntry.$Shape;
            static create(properties?: datanet.v1.DirectoryEntry.$Properties): datanet.v1.DirectoryEntry;

            /**
             * Encodes the specified DirectoryEntry message. Does not implicitly {@link datanet.v1.DirectoryEntry.verify|verify} messages.
             * @param m DirectoryEntry message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.DirectoryEntry.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DirectoryEntry message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.DirectoryEntry & datanet.v1.DirectoryEntry.$Shape} DirectoryEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.DirectoryEntry & datanet.v1.DirectoryEntry.$Shape;

            /**
             * Verifies a DirectoryEntry message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DirectoryEntry message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DirectoryEntry
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.DirectoryEntry;

            /**
             * Creates a plain object from a DirectoryEntry message. Also converts values to other types if specified.
             * @param m DirectoryEntry
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.DirectoryEntry, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DirectoryEntry to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DirectoryEntry
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DirectoryEntry {

            /** Properties of a DirectoryEntry. */
            interface $Properties {

                /** DirectoryEntry nodeId */
                nodeId?: (string|null);

                /** DirectoryEntry hubId */
                hubId?: (string|null);

                /** DirectoryEntry role */
                role?: (string|null);

                /** DirectoryEntry signingCert */
                signingCert?: (Uint8Array|null);

                /** DirectoryEntry keyAgreementCert */
                keyAgreementCert?: (Uint8Array|null);

                /** DirectoryEntry hubCert */
                hubCert?: (Uint8Array|null);

                /** DirectoryEntry securityLevel */
                securityLevel?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DirectoryEntry. */
            type $Shape = datanet.v1.DirectoryEntry.$Properties;
        }

        /**
         * Properties of a DeadLetter.
         * @deprecated Use datanet.v1.DeadLetter.$Properties instead.
         */
        interface IDeadLetter extends datanet.v1.DeadLetter.$Properties {
        }

        /** Represents a DeadLetter. */
        class DeadLetter {

            /**
             * Constructs a new DeadLetter.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.DeadLetter.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeadLetter id. */
            id: string;

            /** DeadLetter reasonCode. */
            reasonCode: string;

            /** DeadLetter detail. */
            detail: string;

            /** DeadLetter messageId. */
            messageId: string;

            /** DeadLetter source. */
            source: string;

            /** DeadLetter target. */
            target: string;

            /** DeadLetter topic. */
            topic: string;

            /** DeadLetter partition. */
            partition: number;

            /** DeadLetter offset. */
            offset: string;

            /** DeadLetter atMs. */
            atMs: number;

            /**
             * Creates a new DeadLetter instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeadLetter instance
             */
            static create(properties: datanet.v1.DeadLetter.$Shape): datanet.v1.DeadLetter & datanet.v1.DeadLetter.$Shape;
            static create(properties?: datanet.v1.DeadLetter.$Properties): datanet.v1.DeadLetter;

            /**
             * Encodes the specified DeadLetter message. Does not implicitly {@link datanet.v1.DeadLetter.verify|verify} messages.
             * @param m DeadLetter message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.DeadLetter.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeadLetter message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.DeadLetter & datanet.v1.DeadLetter.$Shape} DeadLetter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.DeadLetter & datanet.v1.DeadLetter.$Shape;

            /**
             * Verifies a DeadLetter message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DeadLetter message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DeadLetter
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.DeadLetter;

            /**
             * Creates a plain object from a DeadLetter message. Also converts values to other types if specified.
             * @param m DeadLetter
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.DeadLetter, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeadLetter to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeadLetter
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeadLetter {

            /** Properties of a DeadLetter. */
            interface $Properties {

                /** DeadLetter id */
                id?: (string|null);

                /** DeadLetter reasonCode */
                reasonCode?: (string|null);

                /** DeadLetter detail */
                detail?: (string|null);

                /** DeadLetter messageId */
                messageId?: (string|null);

                /** DeadLetter source */
                source?: (string|null);

                /** DeadLetter target */
                target?: (string|null);

                /** DeadLetter topic */
                topic?: (string|null);

                /** DeadLetter partition */
                partition?: (number|null);

                /** DeadLetter offset */
                offset?: (string|null);

                /** DeadLetter atMs */
                atMs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeadLetter. */
            type $Shape = datanet.v1.DeadLetter.$Properties;
        }

        /**
         * Properties of a Ping.
         * @deprecated Use datanet.v1.Ping.$Properties instead.
         */
        interface IPing extends datanet.v1.Ping.$Properties {
        }

        /** Represents a Ping. */
        class Ping {

            /**
             * Constructs a new Ping.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.Ping.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ping text. */
            text: string;

            /** Ping sentAtMs. */
            sentAtMs: number;

            /**
             * Creates a new Ping instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ping instance
             */
            static create(properties: datanet.v1.Ping.$Shape): datanet.v1.Ping & datanet.v1.Ping.$Shape;
            static create(properties?: datanet.v1.Ping.$Properties): datanet.v1.Ping;

            /**
             * Encodes the specified Ping message. Does not implicitly {@link datanet.v1.Ping.verify|verify} messages.
             * @param m Ping message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.Ping.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.Ping & datanet.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.Ping & datanet.v1.Ping.$Shape;

            /**
             * Verifies a Ping message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Ping
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.Ping;

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @param m Ping
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.Ping, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ping to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Ping
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ping {

            /** Properties of a Ping. */
            interface $Properties {

                /** Ping text */
                text?: (string|null);

                /** Ping sentAtMs */
                sentAtMs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Ping. */
            type $Shape = datanet.v1.Ping.$Properties;
        }

        /**
         * Properties of a Pong.
         * @deprecated Use datanet.v1.Pong.$Properties instead.
         */
        interface IPong extends datanet.v1.Pong.$Properties {
        }

        /** Represents a Pong. */
        class Pong {

            /**
             * Constructs a new Pong.
             * @param [p] Properties to set
             */
            constructor(p?: datanet.v1.Pong.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Pong text. */
            text: string;

            /** Pong inReplyTo. */
            inReplyTo: string;

            /** Pong pingSentAtMs. */
            pingSentAtMs: number;

            /**
             * Creates a new Pong instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Pong instance
             */
            static create(properties: datanet.v1.Pong.$Shape): datanet.v1.Pong & datanet.v1.Pong.$Shape;
            static create(properties?: datanet.v1.Pong.$Properties): datanet.v1.Pong;

            /**
             * Encodes the specified Pong message. Does not implicitly {@link datanet.v1.Pong.verify|verify} messages.
             * @param m Pong message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: datanet.v1.Pong.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {datanet.v1.Pong & datanet.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): datanet.v1.Pong & datanet.v1.Pong.$Shape;

            /**
             * Verifies a Pong message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Pong message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Pong
             */
            static fromObject(d: { [k: string]: any }): datanet.v1.Pong;

            /**
             * Creates a plain object from a Pong message. Also converts values to other types if specified.
             * @param m Pong
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: datanet.v1.Pong, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Pong to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Pong
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Pong {

            /** Properties of a Pong. */
            interface $Properties {

                /** Pong text */
                text?: (string|null);

                /** Pong inReplyTo */
                inReplyTo?: (string|null);

                /** Pong pingSentAtMs */
                pingSentAtMs?: (number|Long|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Pong. */
            type $Shape = datanet.v1.Pong.$Properties;
        }
    }
}
