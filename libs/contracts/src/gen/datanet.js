/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const datanet = $root.datanet = (() => {

    /**
     * Namespace datanet.
     * @exports datanet
     * @namespace
     */
    const datanet = {};

    datanet.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof datanet
         * @namespace
         */
        const v1 = {};

        v1.TraceContext = (function() {

            /**
             * Properties of a TraceContext.
             * @typedef {Object} datanet.v1.TraceContext.$Properties
             * @property {string|null} [traceparent] TraceContext traceparent
             * @property {string|null} [tracestate] TraceContext tracestate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TraceContext.
             * @memberof datanet.v1
             * @interface ITraceContext
             * @augments datanet.v1.TraceContext.$Properties
             * @deprecated Use datanet.v1.TraceContext.$Properties instead.
             */

            /**
             * Shape of a TraceContext.
             * @typedef {datanet.v1.TraceContext.$Properties} datanet.v1.TraceContext.$Shape
             */

            /**
             * Constructs a new TraceContext.
             * @memberof datanet.v1
             * @classdesc Represents a TraceContext.
             * @constructor
             * @param {datanet.v1.TraceContext.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TraceContext = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * TraceContext traceparent.
             * @member {string} traceparent
             * @memberof datanet.v1.TraceContext
             * @instance
             */
            TraceContext.prototype.traceparent = "";

            /**
             * TraceContext tracestate.
             * @member {string} tracestate
             * @memberof datanet.v1.TraceContext
             * @instance
             */
            TraceContext.prototype.tracestate = "";

            /**
             * Creates a new TraceContext instance using the specified properties.
             * @function create
             * @memberof datanet.v1.TraceContext
             * @static
             * @param {datanet.v1.TraceContext.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.TraceContext} TraceContext instance
             * @type {{
             *   (properties: datanet.v1.TraceContext.$Shape): datanet.v1.TraceContext & datanet.v1.TraceContext.$Shape;
             *   (properties?: datanet.v1.TraceContext.$Properties): datanet.v1.TraceContext;
             * }}
             */
            TraceContext.create = function(properties) {
                return new TraceContext(properties);
            };

            /**
             * Encodes the specified TraceContext message. Does not implicitly {@link datanet.v1.TraceContext.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.TraceContext
             * @static
             * @param {datanet.v1.TraceContext.$Properties} m TraceContext message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TraceContext.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.traceparent != null && $Object.hasOwnProperty.call(m, "traceparent") && m.traceparent !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.traceparent);
                if (m.tracestate != null && $Object.hasOwnProperty.call(m, "tracestate") && m.tracestate !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.tracestate);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a TraceContext message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.TraceContext
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.TraceContext & datanet.v1.TraceContext.$Shape} TraceContext
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TraceContext.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.TraceContext();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.traceparent = v;
                            else
                                delete m.traceparent;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.tracestate = v;
                            else
                                delete m.tracestate;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a TraceContext message.
             * @function verify
             * @memberof datanet.v1.TraceContext
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TraceContext.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.traceparent != null && $Object.hasOwnProperty.call(m, "traceparent")) {
                    if (!$util.isString(m.traceparent))
                        return "traceparent: string expected";
                }
                if (m.tracestate != null && $Object.hasOwnProperty.call(m, "tracestate")) {
                    if (!$util.isString(m.tracestate))
                        return "tracestate: string expected";
                }
                return null;
            };

            /**
             * Creates a TraceContext message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.TraceContext
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.TraceContext} TraceContext
             */
            TraceContext.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.TraceContext)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.TraceContext: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.TraceContext();
                if (d.traceparent != null) {
                    if (typeof d.traceparent !== "string" || d.traceparent.length) {
                        m.traceparent = $String(d.traceparent);
                    }
                }
                if (d.tracestate != null) {
                    if (typeof d.tracestate !== "string" || d.tracestate.length) {
                        m.tracestate = $String(d.tracestate);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a TraceContext message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.TraceContext
             * @static
             * @param {datanet.v1.TraceContext} m TraceContext
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TraceContext.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.traceparent = "";
                    d.tracestate = "";
                }
                if (m.traceparent != null && $Object.hasOwnProperty.call(m, "traceparent")) {
                    d.traceparent = m.traceparent;
                }
                if (m.tracestate != null && $Object.hasOwnProperty.call(m, "tracestate")) {
                    d.tracestate = m.tracestate;
                }
                return d;
            };

            /**
             * Converts this TraceContext to JSON.
             * @function toJSON
             * @memberof datanet.v1.TraceContext
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TraceContext.prototype.toJSON = function() {
                return TraceContext.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TraceContext
             * @function getTypeUrl
             * @memberof datanet.v1.TraceContext
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TraceContext.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.TraceContext";
            };

            return TraceContext;
        })();

        v1.ErrorInfo = (function() {

            /**
             * Properties of an ErrorInfo.
             * @typedef {Object} datanet.v1.ErrorInfo.$Properties
             * @property {string|null} [code] ErrorInfo code
             * @property {string|null} [message] ErrorInfo message
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ErrorInfo.
             * @memberof datanet.v1
             * @interface IErrorInfo
             * @augments datanet.v1.ErrorInfo.$Properties
             * @deprecated Use datanet.v1.ErrorInfo.$Properties instead.
             */

            /**
             * Shape of an ErrorInfo.
             * @typedef {datanet.v1.ErrorInfo.$Properties} datanet.v1.ErrorInfo.$Shape
             */

            /**
             * Constructs a new ErrorInfo.
             * @memberof datanet.v1
             * @classdesc Represents an ErrorInfo.
             * @constructor
             * @param {datanet.v1.ErrorInfo.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ErrorInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ErrorInfo code.
             * @member {string} code
             * @memberof datanet.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.code = "";

            /**
             * ErrorInfo message.
             * @member {string} message
             * @memberof datanet.v1.ErrorInfo
             * @instance
             */
            ErrorInfo.prototype.message = "";

            /**
             * Creates a new ErrorInfo instance using the specified properties.
             * @function create
             * @memberof datanet.v1.ErrorInfo
             * @static
             * @param {datanet.v1.ErrorInfo.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.ErrorInfo} ErrorInfo instance
             * @type {{
             *   (properties: datanet.v1.ErrorInfo.$Shape): datanet.v1.ErrorInfo & datanet.v1.ErrorInfo.$Shape;
             *   (properties?: datanet.v1.ErrorInfo.$Properties): datanet.v1.ErrorInfo;
             * }}
             */
            ErrorInfo.create = function(properties) {
                return new ErrorInfo(properties);
            };

            /**
             * Encodes the specified ErrorInfo message. Does not implicitly {@link datanet.v1.ErrorInfo.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.ErrorInfo
             * @static
             * @param {datanet.v1.ErrorInfo.$Properties} m ErrorInfo message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ErrorInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.code);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.message);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an ErrorInfo message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.ErrorInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.ErrorInfo & datanet.v1.ErrorInfo.$Shape} ErrorInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ErrorInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.ErrorInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an ErrorInfo message.
             * @function verify
             * @memberof datanet.v1.ErrorInfo
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ErrorInfo.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    if (!$util.isString(m.code))
                        return "code: string expected";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                return null;
            };

            /**
             * Creates an ErrorInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.ErrorInfo
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.ErrorInfo} ErrorInfo
             */
            ErrorInfo.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.ErrorInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.ErrorInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.ErrorInfo();
                if (d.code != null) {
                    if (typeof d.code !== "string" || d.code.length) {
                        m.code = $String(d.code);
                    }
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an ErrorInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.ErrorInfo
             * @static
             * @param {datanet.v1.ErrorInfo} m ErrorInfo
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ErrorInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.code = "";
                    d.message = "";
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    d.code = m.code;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                return d;
            };

            /**
             * Converts this ErrorInfo to JSON.
             * @function toJSON
             * @memberof datanet.v1.ErrorInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ErrorInfo.prototype.toJSON = function() {
                return ErrorInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ErrorInfo
             * @function getTypeUrl
             * @memberof datanet.v1.ErrorInfo
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ErrorInfo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.ErrorInfo";
            };

            return ErrorInfo;
        })();

        v1.EnvelopeHeader = (function() {

            /**
             * Properties of an EnvelopeHeader.
             * @typedef {Object} datanet.v1.EnvelopeHeader.$Properties
             * @property {number|null} [schemaVersion] EnvelopeHeader schemaVersion
             * @property {string|null} [messageId] EnvelopeHeader messageId
             * @property {string|null} [type] EnvelopeHeader type
             * @property {string|null} [source] EnvelopeHeader source
             * @property {string|null} [target] EnvelopeHeader target
             * @property {Array.<string>|null} [route] EnvelopeHeader route
             * @property {string|null} [sessionId] EnvelopeHeader sessionId
             * @property {datanet.v1.TraceContext.$Properties|null} [trace] EnvelopeHeader trace
             * @property {number|Long|null} [issuedAtMs] EnvelopeHeader issuedAtMs
             * @property {number|Long|null} [expiresAtMs] EnvelopeHeader expiresAtMs
             * @property {Uint8Array|null} [nonce] EnvelopeHeader nonce
             * @property {Uint8Array|null} [payloadSha256] EnvelopeHeader payloadSha256
             * @property {Uint8Array|null} [senderCertSha256] EnvelopeHeader senderCertSha256
             * @property {datanet.v1.ErrorInfo.$Properties|null} [error] EnvelopeHeader error
             * @property {Object.<string,string>|null} [metadata] EnvelopeHeader metadata
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnvelopeHeader.
             * @memberof datanet.v1
             * @interface IEnvelopeHeader
             * @augments datanet.v1.EnvelopeHeader.$Properties
             * @deprecated Use datanet.v1.EnvelopeHeader.$Properties instead.
             */

            /**
             * Shape of an EnvelopeHeader.
             * @typedef {datanet.v1.EnvelopeHeader.$Properties} datanet.v1.EnvelopeHeader.$Shape
             */

            /**
             * Constructs a new EnvelopeHeader.
             * @memberof datanet.v1
             * @classdesc Represents an EnvelopeHeader.
             * @constructor
             * @param {datanet.v1.EnvelopeHeader.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnvelopeHeader = function (p) {
                this.route = [];
                this.metadata = {};
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * EnvelopeHeader schemaVersion.
             * @member {number} schemaVersion
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.schemaVersion = 0;

            /**
             * EnvelopeHeader messageId.
             * @member {string} messageId
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.messageId = "";

            /**
             * EnvelopeHeader type.
             * @member {string} type
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.type = "";

            /**
             * EnvelopeHeader source.
             * @member {string} source
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.source = "";

            /**
             * EnvelopeHeader target.
             * @member {string} target
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.target = "";

            /**
             * EnvelopeHeader route.
             * @member {Array.<string>} route
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.route = $util.emptyArray;

            /**
             * EnvelopeHeader sessionId.
             * @member {string} sessionId
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.sessionId = "";

            /**
             * EnvelopeHeader trace.
             * @member {datanet.v1.TraceContext.$Properties|null|undefined} trace
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.trace = null;

            /**
             * EnvelopeHeader issuedAtMs.
             * @member {number|Long} issuedAtMs
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.issuedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * EnvelopeHeader expiresAtMs.
             * @member {number|Long} expiresAtMs
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * EnvelopeHeader nonce.
             * @member {Uint8Array} nonce
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.nonce = $util.newBuffer([]);

            /**
             * EnvelopeHeader payloadSha256.
             * @member {Uint8Array} payloadSha256
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.payloadSha256 = $util.newBuffer([]);

            /**
             * EnvelopeHeader senderCertSha256.
             * @member {Uint8Array} senderCertSha256
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.senderCertSha256 = $util.newBuffer([]);

            /**
             * EnvelopeHeader error.
             * @member {datanet.v1.ErrorInfo.$Properties|null|undefined} error
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.error = null;

            /**
             * EnvelopeHeader metadata.
             * @member {Object.<string,string>} metadata
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             */
            EnvelopeHeader.prototype.metadata = $util.emptyObject;

            /**
             * Creates a new EnvelopeHeader instance using the specified properties.
             * @function create
             * @memberof datanet.v1.EnvelopeHeader
             * @static
             * @param {datanet.v1.EnvelopeHeader.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.EnvelopeHeader} EnvelopeHeader instance
             * @type {{
             *   (properties: datanet.v1.EnvelopeHeader.$Shape): datanet.v1.EnvelopeHeader & datanet.v1.EnvelopeHeader.$Shape;
             *   (properties?: datanet.v1.EnvelopeHeader.$Properties): datanet.v1.EnvelopeHeader;
             * }}
             */
            EnvelopeHeader.create = function(properties) {
                return new EnvelopeHeader(properties);
            };

            /**
             * Encodes the specified EnvelopeHeader message. Does not implicitly {@link datanet.v1.EnvelopeHeader.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.EnvelopeHeader
             * @static
             * @param {datanet.v1.EnvelopeHeader.$Properties} m EnvelopeHeader message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnvelopeHeader.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.schemaVersion != null && $Object.hasOwnProperty.call(m, "schemaVersion") && m.schemaVersion !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.schemaVersion);
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId") && m.messageId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.messageId);
                if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.type);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.source);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.target);
                if (m.route != null && m.route.length) {
                    for (var i = 0; i < m.route.length; ++i)
                        w.uint32(/* id 6, wireType 2 =*/50).string(m.route[i]);
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.sessionId);
                if (m.trace != null && $Object.hasOwnProperty.call(m, "trace"))
                    $root.datanet.v1.TraceContext.encode(m.trace, w.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs") && (typeof m.issuedAtMs === "object" ? m.issuedAtMs.low || m.issuedAtMs.high : m.issuedAtMs !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).int64(m.issuedAtMs);
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs") && (typeof m.expiresAtMs === "object" ? m.expiresAtMs.low || m.expiresAtMs.high : m.expiresAtMs !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).int64(m.expiresAtMs);
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 11, wireType 2 =*/90).bytes(m.nonce);
                if (m.payloadSha256 != null && $Object.hasOwnProperty.call(m, "payloadSha256") && m.payloadSha256.length)
                    w.uint32(/* id 12, wireType 2 =*/98).bytes(m.payloadSha256);
                if (m.senderCertSha256 != null && $Object.hasOwnProperty.call(m, "senderCertSha256") && m.senderCertSha256.length)
                    w.uint32(/* id 13, wireType 2 =*/106).bytes(m.senderCertSha256);
                if (m.error != null && $Object.hasOwnProperty.call(m, "error"))
                    $root.datanet.v1.ErrorInfo.encode(m.error, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (m.metadata != null && $Object.hasOwnProperty.call(m, "metadata")) {
                    for (var ks = $Object.keys(m.metadata), i = 0; i < ks.length; ++i) {
                        w.uint32(/* id 15, wireType 2 =*/122).fork().uint32(/* id 1, wireType 2 =*/10).string(ks[i]).uint32(/* id 2, wireType 2 =*/18).string(m.metadata[ks[i]]).ldelim();
                    }
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an EnvelopeHeader message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.EnvelopeHeader
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.EnvelopeHeader & datanet.v1.EnvelopeHeader.$Shape} EnvelopeHeader
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnvelopeHeader.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, k, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.EnvelopeHeader();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.schemaVersion = v;
                            else
                                delete m.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.messageId = v;
                            else
                                delete m.messageId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.type = v;
                            else
                                delete m.type;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.target = v;
                            else
                                delete m.target;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.route && m.route.length))
                                m.route = [];
                            m.route.push(r.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sessionId = v;
                            else
                                delete m.sessionId;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            m.trace = $root.datanet.v1.TraceContext.decode(r, r.size(), $undefined, q + 1, m.trace);
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.issuedAtMs = v;
                            else
                                delete m.issuedAtMs;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresAtMs = v;
                            else
                                delete m.expiresAtMs;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payloadSha256 = v;
                            else
                                delete m.payloadSha256;
                            continue;
                        }
                    case 13: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.senderCertSha256 = v;
                            else
                                delete m.senderCertSha256;
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            m.error = $root.datanet.v1.ErrorInfo.decode(r, r.size(), $undefined, q + 1, m.error);
                            continue;
                        }
                    case 15: {
                            if (u !== 2)
                                break;
                            if (m.metadata === $util.emptyObject)
                                m.metadata = {};
                            var c2 = r.size() + r.pos;
                            if (c2 > r.len)
                                throw $RangeError("index out of range");
                            r.len = c2;
                            k = "";
                            v = "";
                            while (r.pos < c2) {
                                var t2 = r.tag();
                                u = t2 & 7;
                                switch (t2 >>>= 3) {
                                case 1:
                                    if (u !== 2)
                                        break;
                                    k = r.stringVerify();
                                    continue;
                                case 2:
                                    if (u !== 2)
                                        break;
                                    v = r.stringVerify();
                                    continue;
                                }
                                r.skipType(u, q, t2);
                            }
                            if (r.pos !== c2)
                                throw $RangeError("index out of range");
                            r.len = c;
                            if (k === "__proto__")
                                $util.makeProp(m.metadata, k);
                            m.metadata[k] = v;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an EnvelopeHeader message.
             * @function verify
             * @memberof datanet.v1.EnvelopeHeader
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EnvelopeHeader.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.schemaVersion != null && $Object.hasOwnProperty.call(m, "schemaVersion")) {
                    if (!$util.isInteger(m.schemaVersion))
                        return "schemaVersion: integer expected";
                }
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId")) {
                    if (!$util.isString(m.messageId))
                        return "messageId: string expected";
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    if (!$util.isString(m.type))
                        return "type: string expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    if (!$util.isString(m.target))
                        return "target: string expected";
                }
                if (m.route != null && $Object.hasOwnProperty.call(m, "route")) {
                    if (!$Array.isArray(m.route))
                        return "route: array expected";
                    for (var i = 0; i < m.route.length; ++i) {
                        if (!$util.isString(m.route[i]))
                            return "route: string[] expected";
                    }
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    if (!$util.isString(m.sessionId))
                        return "sessionId: string expected";
                }
                if (m.trace != null && $Object.hasOwnProperty.call(m, "trace")) {
                    {
                        var e = $root.datanet.v1.TraceContext.verify(m.trace, q + 1);
                        if (e)
                            return "trace." + e;
                    }
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs")) {
                    if (!$util.isInteger(m.issuedAtMs) && !(m.issuedAtMs && $util.isInteger(m.issuedAtMs.low) && $util.isInteger(m.issuedAtMs.high)))
                        return "issuedAtMs: integer|Long expected";
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (!$util.isInteger(m.expiresAtMs) && !(m.expiresAtMs && $util.isInteger(m.expiresAtMs.low) && $util.isInteger(m.expiresAtMs.high)))
                        return "expiresAtMs: integer|Long expected";
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    if (!(m.nonce && typeof m.nonce.length === "number" || $util.isString(m.nonce)))
                        return "nonce: buffer expected";
                }
                if (m.payloadSha256 != null && $Object.hasOwnProperty.call(m, "payloadSha256")) {
                    if (!(m.payloadSha256 && typeof m.payloadSha256.length === "number" || $util.isString(m.payloadSha256)))
                        return "payloadSha256: buffer expected";
                }
                if (m.senderCertSha256 != null && $Object.hasOwnProperty.call(m, "senderCertSha256")) {
                    if (!(m.senderCertSha256 && typeof m.senderCertSha256.length === "number" || $util.isString(m.senderCertSha256)))
                        return "senderCertSha256: buffer expected";
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    {
                        var e = $root.datanet.v1.ErrorInfo.verify(m.error, q + 1);
                        if (e)
                            return "error." + e;
                    }
                }
                if (m.metadata != null && $Object.hasOwnProperty.call(m, "metadata")) {
                    if (!$util.isObject(m.metadata))
                        return "metadata: object expected";
                    var k = $Object.keys(m.metadata);
                    for (var i = 0; i < k.length; ++i) {
                        if (!$util.isString(m.metadata[k[i]]))
                            return "metadata: string{k:string} expected";
                    }
                }
                return null;
            };

            /**
             * Creates an EnvelopeHeader message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.EnvelopeHeader
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.EnvelopeHeader} EnvelopeHeader
             */
            EnvelopeHeader.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.EnvelopeHeader)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.EnvelopeHeader: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.EnvelopeHeader();
                if (d.schemaVersion != null) {
                    if ($Number(d.schemaVersion) !== 0) {
                        m.schemaVersion = d.schemaVersion >>> 0;
                    }
                }
                if (d.messageId != null) {
                    if (typeof d.messageId !== "string" || d.messageId.length) {
                        m.messageId = $String(d.messageId);
                    }
                }
                if (d.type != null) {
                    if (typeof d.type !== "string" || d.type.length) {
                        m.type = $String(d.type);
                    }
                }
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.target != null) {
                    if (typeof d.target !== "string" || d.target.length) {
                        m.target = $String(d.target);
                    }
                }
                if (d.route) {
                    if (!$Array.isArray(d.route))
                        throw $TypeError(".datanet.v1.EnvelopeHeader.route: array expected");
                    m.route = $Array(d.route.length);
                    for (var i = 0; i < d.route.length; ++i) {
                        m.route[i] = $String(d.route[i]);
                    }
                }
                if (d.sessionId != null) {
                    if (typeof d.sessionId !== "string" || d.sessionId.length) {
                        m.sessionId = $String(d.sessionId);
                    }
                }
                if (d.trace != null) {
                    if (!$util.isObject(d.trace))
                        throw $TypeError(".datanet.v1.EnvelopeHeader.trace: object expected");
                    m.trace = $root.datanet.v1.TraceContext.fromObject(d.trace, q + 1);
                }
                if (d.issuedAtMs != null) {
                    if (typeof d.issuedAtMs === "object" ? d.issuedAtMs.low || d.issuedAtMs.high : $Number(d.issuedAtMs) !== 0) {
                        if ($util.Long)
                            m.issuedAtMs = $util.Long.fromValue(d.issuedAtMs, false);
                        else if (typeof d.issuedAtMs === "string")
                            m.issuedAtMs = $parseInt(d.issuedAtMs, 10);
                        else if (typeof d.issuedAtMs === "number")
                            m.issuedAtMs = d.issuedAtMs;
                        else if (typeof d.issuedAtMs === "object")
                            m.issuedAtMs = new $util.LongBits(d.issuedAtMs.low >>> 0, d.issuedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.expiresAtMs != null) {
                    if (typeof d.expiresAtMs === "object" ? d.expiresAtMs.low || d.expiresAtMs.high : $Number(d.expiresAtMs) !== 0) {
                        if ($util.Long)
                            m.expiresAtMs = $util.Long.fromValue(d.expiresAtMs, false);
                        else if (typeof d.expiresAtMs === "string")
                            m.expiresAtMs = $parseInt(d.expiresAtMs, 10);
                        else if (typeof d.expiresAtMs === "number")
                            m.expiresAtMs = d.expiresAtMs;
                        else if (typeof d.expiresAtMs === "object")
                            m.expiresAtMs = new $util.LongBits(d.expiresAtMs.low >>> 0, d.expiresAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.nonce != null) {
                    if (d.nonce.length) {
                        if (typeof d.nonce === "string")
                            $util.base64.decode(d.nonce, m.nonce = $util.newBuffer($util.base64.length(d.nonce)), 0);
                        else if (d.nonce.length >= 0)
                            m.nonce = d.nonce;
                    }
                }
                if (d.payloadSha256 != null) {
                    if (d.payloadSha256.length) {
                        if (typeof d.payloadSha256 === "string")
                            $util.base64.decode(d.payloadSha256, m.payloadSha256 = $util.newBuffer($util.base64.length(d.payloadSha256)), 0);
                        else if (d.payloadSha256.length >= 0)
                            m.payloadSha256 = d.payloadSha256;
                    }
                }
                if (d.senderCertSha256 != null) {
                    if (d.senderCertSha256.length) {
                        if (typeof d.senderCertSha256 === "string")
                            $util.base64.decode(d.senderCertSha256, m.senderCertSha256 = $util.newBuffer($util.base64.length(d.senderCertSha256)), 0);
                        else if (d.senderCertSha256.length >= 0)
                            m.senderCertSha256 = d.senderCertSha256;
                    }
                }
                if (d.error != null) {
                    if (!$util.isObject(d.error))
                        throw $TypeError(".datanet.v1.EnvelopeHeader.error: object expected");
                    m.error = $root.datanet.v1.ErrorInfo.fromObject(d.error, q + 1);
                }
                if (d.metadata) {
                    if (!$util.isObject(d.metadata))
                        throw $TypeError(".datanet.v1.EnvelopeHeader.metadata: object expected");
                    m.metadata = {};
                    for (var ks = $Object.keys(d.metadata), i = 0; i < ks.length; ++i) {
                        if (ks[i] === "__proto__")
                            $util.makeProp(m.metadata, ks[i]);
                        m.metadata[ks[i]] = $String(d.metadata[ks[i]]);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an EnvelopeHeader message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.EnvelopeHeader
             * @static
             * @param {datanet.v1.EnvelopeHeader} m EnvelopeHeader
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EnvelopeHeader.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.route = [];
                }
                if (o.objects || o.defaults) {
                    d.metadata = {};
                }
                if (o.defaults) {
                    d.schemaVersion = 0;
                    d.messageId = "";
                    d.type = "";
                    d.source = "";
                    d.target = "";
                    d.sessionId = "";
                    d.trace = null;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.issuedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.issuedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.nonce = "";
                    else {
                        d.nonce = [];
                        if (o.bytes !== $Array)
                            d.nonce = $util.newBuffer(d.nonce);
                    }
                    if (o.bytes === $String)
                        d.payloadSha256 = "";
                    else {
                        d.payloadSha256 = [];
                        if (o.bytes !== $Array)
                            d.payloadSha256 = $util.newBuffer(d.payloadSha256);
                    }
                    if (o.bytes === $String)
                        d.senderCertSha256 = "";
                    else {
                        d.senderCertSha256 = [];
                        if (o.bytes !== $Array)
                            d.senderCertSha256 = $util.newBuffer(d.senderCertSha256);
                    }
                    d.error = null;
                }
                if (m.schemaVersion != null && $Object.hasOwnProperty.call(m, "schemaVersion")) {
                    d.schemaVersion = m.schemaVersion;
                }
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId")) {
                    d.messageId = m.messageId;
                }
                if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                    d.type = m.type;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    d.target = m.target;
                }
                if (m.route && m.route.length) {
                    d.route = $Array(m.route.length);
                    for (var j = 0; j < m.route.length; ++j) {
                        d.route[j] = m.route[j];
                    }
                }
                if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                    d.sessionId = m.sessionId;
                }
                if (m.trace != null && $Object.hasOwnProperty.call(m, "trace")) {
                    d.trace = $root.datanet.v1.TraceContext.toObject(m.trace, o, q + 1);
                }
                if (m.issuedAtMs != null && $Object.hasOwnProperty.call(m, "issuedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.issuedAtMs = typeof m.issuedAtMs === "number" ? $BigInt(m.issuedAtMs) : $util.Long.fromBits(m.issuedAtMs.low >>> 0, m.issuedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.issuedAtMs === "number")
                        d.issuedAtMs = o.longs === $String ? $String(m.issuedAtMs) : m.issuedAtMs;
                    else
                        d.issuedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.issuedAtMs) : o.longs === $Number ? new $util.LongBits(m.issuedAtMs.low >>> 0, m.issuedAtMs.high >>> 0).toNumber() : m.issuedAtMs;
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresAtMs = typeof m.expiresAtMs === "number" ? $BigInt(m.expiresAtMs) : $util.Long.fromBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresAtMs === "number")
                        d.expiresAtMs = o.longs === $String ? $String(m.expiresAtMs) : m.expiresAtMs;
                    else
                        d.expiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresAtMs) : o.longs === $Number ? new $util.LongBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0).toNumber() : m.expiresAtMs;
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    d.nonce = o.bytes === $String ? $util.base64.encode(m.nonce, 0, m.nonce.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.nonce) : m.nonce;
                }
                if (m.payloadSha256 != null && $Object.hasOwnProperty.call(m, "payloadSha256")) {
                    d.payloadSha256 = o.bytes === $String ? $util.base64.encode(m.payloadSha256, 0, m.payloadSha256.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payloadSha256) : m.payloadSha256;
                }
                if (m.senderCertSha256 != null && $Object.hasOwnProperty.call(m, "senderCertSha256")) {
                    d.senderCertSha256 = o.bytes === $String ? $util.base64.encode(m.senderCertSha256, 0, m.senderCertSha256.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.senderCertSha256) : m.senderCertSha256;
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = $root.datanet.v1.ErrorInfo.toObject(m.error, o, q + 1);
                }
                var ks2;
                if (m.metadata && (ks2 = $Object.keys(m.metadata)).length) {
                    d.metadata = {};
                    for (var j = 0; j < ks2.length; ++j) {
                        if (ks2[j] === "__proto__")
                            $util.makeProp(d.metadata, ks2[j]);
                        d.metadata[ks2[j]] = m.metadata[ks2[j]];
                    }
                }
                return d;
            };

            /**
             * Converts this EnvelopeHeader to JSON.
             * @function toJSON
             * @memberof datanet.v1.EnvelopeHeader
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EnvelopeHeader.prototype.toJSON = function() {
                return EnvelopeHeader.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EnvelopeHeader
             * @function getTypeUrl
             * @memberof datanet.v1.EnvelopeHeader
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EnvelopeHeader.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.EnvelopeHeader";
            };

            return EnvelopeHeader;
        })();

        v1.SealedPayload = (function() {

            /**
             * Properties of a SealedPayload.
             * @typedef {Object} datanet.v1.SealedPayload.$Properties
             * @property {Uint8Array|null} [ephemeralPublicKey] SealedPayload ephemeralPublicKey
             * @property {Uint8Array|null} [salt] SealedPayload salt
             * @property {Uint8Array|null} [nonce] SealedPayload nonce
             * @property {Uint8Array|null} [ciphertext] SealedPayload ciphertext
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SealedPayload.
             * @memberof datanet.v1
             * @interface ISealedPayload
             * @augments datanet.v1.SealedPayload.$Properties
             * @deprecated Use datanet.v1.SealedPayload.$Properties instead.
             */

            /**
             * Shape of a SealedPayload.
             * @typedef {datanet.v1.SealedPayload.$Properties} datanet.v1.SealedPayload.$Shape
             */

            /**
             * Constructs a new SealedPayload.
             * @memberof datanet.v1
             * @classdesc Represents a SealedPayload.
             * @constructor
             * @param {datanet.v1.SealedPayload.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SealedPayload = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SealedPayload ephemeralPublicKey.
             * @member {Uint8Array} ephemeralPublicKey
             * @memberof datanet.v1.SealedPayload
             * @instance
             */
            SealedPayload.prototype.ephemeralPublicKey = $util.newBuffer([]);

            /**
             * SealedPayload salt.
             * @member {Uint8Array} salt
             * @memberof datanet.v1.SealedPayload
             * @instance
             */
            SealedPayload.prototype.salt = $util.newBuffer([]);

            /**
             * SealedPayload nonce.
             * @member {Uint8Array} nonce
             * @memberof datanet.v1.SealedPayload
             * @instance
             */
            SealedPayload.prototype.nonce = $util.newBuffer([]);

            /**
             * SealedPayload ciphertext.
             * @member {Uint8Array} ciphertext
             * @memberof datanet.v1.SealedPayload
             * @instance
             */
            SealedPayload.prototype.ciphertext = $util.newBuffer([]);

            /**
             * Creates a new SealedPayload instance using the specified properties.
             * @function create
             * @memberof datanet.v1.SealedPayload
             * @static
             * @param {datanet.v1.SealedPayload.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.SealedPayload} SealedPayload instance
             * @type {{
             *   (properties: datanet.v1.SealedPayload.$Shape): datanet.v1.SealedPayload & datanet.v1.SealedPayload.$Shape;
             *   (properties?: datanet.v1.SealedPayload.$Properties): datanet.v1.SealedPayload;
             * }}
             */
            SealedPayload.create = function(properties) {
                return new SealedPayload(properties);
            };

            /**
             * Encodes the specified SealedPayload message. Does not implicitly {@link datanet.v1.SealedPayload.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.SealedPayload
             * @static
             * @param {datanet.v1.SealedPayload.$Properties} m SealedPayload message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SealedPayload.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.ephemeralPublicKey != null && $Object.hasOwnProperty.call(m, "ephemeralPublicKey") && m.ephemeralPublicKey.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.ephemeralPublicKey);
                if (m.salt != null && $Object.hasOwnProperty.call(m, "salt") && m.salt.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.salt);
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce") && m.nonce.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.nonce);
                if (m.ciphertext != null && $Object.hasOwnProperty.call(m, "ciphertext") && m.ciphertext.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.ciphertext);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SealedPayload message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.SealedPayload
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.SealedPayload & datanet.v1.SealedPayload.$Shape} SealedPayload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SealedPayload.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.SealedPayload();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.ephemeralPublicKey = v;
                            else
                                delete m.ephemeralPublicKey;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.salt = v;
                            else
                                delete m.salt;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.nonce = v;
                            else
                                delete m.nonce;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.ciphertext = v;
                            else
                                delete m.ciphertext;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a SealedPayload message.
             * @function verify
             * @memberof datanet.v1.SealedPayload
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SealedPayload.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.ephemeralPublicKey != null && $Object.hasOwnProperty.call(m, "ephemeralPublicKey")) {
                    if (!(m.ephemeralPublicKey && typeof m.ephemeralPublicKey.length === "number" || $util.isString(m.ephemeralPublicKey)))
                        return "ephemeralPublicKey: buffer expected";
                }
                if (m.salt != null && $Object.hasOwnProperty.call(m, "salt")) {
                    if (!(m.salt && typeof m.salt.length === "number" || $util.isString(m.salt)))
                        return "salt: buffer expected";
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    if (!(m.nonce && typeof m.nonce.length === "number" || $util.isString(m.nonce)))
                        return "nonce: buffer expected";
                }
                if (m.ciphertext != null && $Object.hasOwnProperty.call(m, "ciphertext")) {
                    if (!(m.ciphertext && typeof m.ciphertext.length === "number" || $util.isString(m.ciphertext)))
                        return "ciphertext: buffer expected";
                }
                return null;
            };

            /**
             * Creates a SealedPayload message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.SealedPayload
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.SealedPayload} SealedPayload
             */
            SealedPayload.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.SealedPayload)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.SealedPayload: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.SealedPayload();
                if (d.ephemeralPublicKey != null) {
                    if (d.ephemeralPublicKey.length) {
                        if (typeof d.ephemeralPublicKey === "string")
                            $util.base64.decode(d.ephemeralPublicKey, m.ephemeralPublicKey = $util.newBuffer($util.base64.length(d.ephemeralPublicKey)), 0);
                        else if (d.ephemeralPublicKey.length >= 0)
                            m.ephemeralPublicKey = d.ephemeralPublicKey;
                    }
                }
                if (d.salt != null) {
                    if (d.salt.length) {
                        if (typeof d.salt === "string")
                            $util.base64.decode(d.salt, m.salt = $util.newBuffer($util.base64.length(d.salt)), 0);
                        else if (d.salt.length >= 0)
                            m.salt = d.salt;
                    }
                }
                if (d.nonce != null) {
                    if (d.nonce.length) {
                        if (typeof d.nonce === "string")
                            $util.base64.decode(d.nonce, m.nonce = $util.newBuffer($util.base64.length(d.nonce)), 0);
                        else if (d.nonce.length >= 0)
                            m.nonce = d.nonce;
                    }
                }
                if (d.ciphertext != null) {
                    if (d.ciphertext.length) {
                        if (typeof d.ciphertext === "string")
                            $util.base64.decode(d.ciphertext, m.ciphertext = $util.newBuffer($util.base64.length(d.ciphertext)), 0);
                        else if (d.ciphertext.length >= 0)
                            m.ciphertext = d.ciphertext;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SealedPayload message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.SealedPayload
             * @static
             * @param {datanet.v1.SealedPayload} m SealedPayload
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SealedPayload.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.ephemeralPublicKey = "";
                    else {
                        d.ephemeralPublicKey = [];
                        if (o.bytes !== $Array)
                            d.ephemeralPublicKey = $util.newBuffer(d.ephemeralPublicKey);
                    }
                    if (o.bytes === $String)
                        d.salt = "";
                    else {
                        d.salt = [];
                        if (o.bytes !== $Array)
                            d.salt = $util.newBuffer(d.salt);
                    }
                    if (o.bytes === $String)
                        d.nonce = "";
                    else {
                        d.nonce = [];
                        if (o.bytes !== $Array)
                            d.nonce = $util.newBuffer(d.nonce);
                    }
                    if (o.bytes === $String)
                        d.ciphertext = "";
                    else {
                        d.ciphertext = [];
                        if (o.bytes !== $Array)
                            d.ciphertext = $util.newBuffer(d.ciphertext);
                    }
                }
                if (m.ephemeralPublicKey != null && $Object.hasOwnProperty.call(m, "ephemeralPublicKey")) {
                    d.ephemeralPublicKey = o.bytes === $String ? $util.base64.encode(m.ephemeralPublicKey, 0, m.ephemeralPublicKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.ephemeralPublicKey) : m.ephemeralPublicKey;
                }
                if (m.salt != null && $Object.hasOwnProperty.call(m, "salt")) {
                    d.salt = o.bytes === $String ? $util.base64.encode(m.salt, 0, m.salt.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.salt) : m.salt;
                }
                if (m.nonce != null && $Object.hasOwnProperty.call(m, "nonce")) {
                    d.nonce = o.bytes === $String ? $util.base64.encode(m.nonce, 0, m.nonce.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.nonce) : m.nonce;
                }
                if (m.ciphertext != null && $Object.hasOwnProperty.call(m, "ciphertext")) {
                    d.ciphertext = o.bytes === $String ? $util.base64.encode(m.ciphertext, 0, m.ciphertext.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.ciphertext) : m.ciphertext;
                }
                return d;
            };

            /**
             * Converts this SealedPayload to JSON.
             * @function toJSON
             * @memberof datanet.v1.SealedPayload
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SealedPayload.prototype.toJSON = function() {
                return SealedPayload.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SealedPayload
             * @function getTypeUrl
             * @memberof datanet.v1.SealedPayload
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SealedPayload.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.SealedPayload";
            };

            return SealedPayload;
        })();

        v1.HopStamp = (function() {

            /**
             * Properties of a HopStamp.
             * @typedef {Object} datanet.v1.HopStamp.$Properties
             * @property {string|null} [hubId] HopStamp hubId
             * @property {number|Long|null} [receivedAtMs] HopStamp receivedAtMs
             * @property {Uint8Array|null} [signature] HopStamp signature
             * @property {Uint8Array|null} [hubCert] HopStamp hubCert
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HopStamp.
             * @memberof datanet.v1
             * @interface IHopStamp
             * @augments datanet.v1.HopStamp.$Properties
             * @deprecated Use datanet.v1.HopStamp.$Properties instead.
             */

            /**
             * Shape of a HopStamp.
             * @typedef {datanet.v1.HopStamp.$Properties} datanet.v1.HopStamp.$Shape
             */

            /**
             * Constructs a new HopStamp.
             * @memberof datanet.v1
             * @classdesc Represents a HopStamp.
             * @constructor
             * @param {datanet.v1.HopStamp.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HopStamp = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * HopStamp hubId.
             * @member {string} hubId
             * @memberof datanet.v1.HopStamp
             * @instance
             */
            HopStamp.prototype.hubId = "";

            /**
             * HopStamp receivedAtMs.
             * @member {number|Long} receivedAtMs
             * @memberof datanet.v1.HopStamp
             * @instance
             */
            HopStamp.prototype.receivedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * HopStamp signature.
             * @member {Uint8Array} signature
             * @memberof datanet.v1.HopStamp
             * @instance
             */
            HopStamp.prototype.signature = $util.newBuffer([]);

            /**
             * HopStamp hubCert.
             * @member {Uint8Array} hubCert
             * @memberof datanet.v1.HopStamp
             * @instance
             */
            HopStamp.prototype.hubCert = $util.newBuffer([]);

            /**
             * Creates a new HopStamp instance using the specified properties.
             * @function create
             * @memberof datanet.v1.HopStamp
             * @static
             * @param {datanet.v1.HopStamp.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.HopStamp} HopStamp instance
             * @type {{
             *   (properties: datanet.v1.HopStamp.$Shape): datanet.v1.HopStamp & datanet.v1.HopStamp.$Shape;
             *   (properties?: datanet.v1.HopStamp.$Properties): datanet.v1.HopStamp;
             * }}
             */
            HopStamp.create = function(properties) {
                return new HopStamp(properties);
            };

            /**
             * Encodes the specified HopStamp message. Does not implicitly {@link datanet.v1.HopStamp.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.HopStamp
             * @static
             * @param {datanet.v1.HopStamp.$Properties} m HopStamp message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HopStamp.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId") && m.hubId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.hubId);
                if (m.receivedAtMs != null && $Object.hasOwnProperty.call(m, "receivedAtMs") && (typeof m.receivedAtMs === "object" ? m.receivedAtMs.low || m.receivedAtMs.high : m.receivedAtMs !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.receivedAtMs);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.signature);
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert") && m.hubCert.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.hubCert);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a HopStamp message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.HopStamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.HopStamp & datanet.v1.HopStamp.$Shape} HopStamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HopStamp.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.HopStamp();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.hubId = v;
                            else
                                delete m.hubId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.receivedAtMs = v;
                            else
                                delete m.receivedAtMs;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.hubCert = v;
                            else
                                delete m.hubCert;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a HopStamp message.
             * @function verify
             * @memberof datanet.v1.HopStamp
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HopStamp.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId")) {
                    if (!$util.isString(m.hubId))
                        return "hubId: string expected";
                }
                if (m.receivedAtMs != null && $Object.hasOwnProperty.call(m, "receivedAtMs")) {
                    if (!$util.isInteger(m.receivedAtMs) && !(m.receivedAtMs && $util.isInteger(m.receivedAtMs.low) && $util.isInteger(m.receivedAtMs.high)))
                        return "receivedAtMs: integer|Long expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert")) {
                    if (!(m.hubCert && typeof m.hubCert.length === "number" || $util.isString(m.hubCert)))
                        return "hubCert: buffer expected";
                }
                return null;
            };

            /**
             * Creates a HopStamp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.HopStamp
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.HopStamp} HopStamp
             */
            HopStamp.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.HopStamp)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.HopStamp: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.HopStamp();
                if (d.hubId != null) {
                    if (typeof d.hubId !== "string" || d.hubId.length) {
                        m.hubId = $String(d.hubId);
                    }
                }
                if (d.receivedAtMs != null) {
                    if (typeof d.receivedAtMs === "object" ? d.receivedAtMs.low || d.receivedAtMs.high : $Number(d.receivedAtMs) !== 0) {
                        if ($util.Long)
                            m.receivedAtMs = $util.Long.fromValue(d.receivedAtMs, false);
                        else if (typeof d.receivedAtMs === "string")
                            m.receivedAtMs = $parseInt(d.receivedAtMs, 10);
                        else if (typeof d.receivedAtMs === "number")
                            m.receivedAtMs = d.receivedAtMs;
                        else if (typeof d.receivedAtMs === "object")
                            m.receivedAtMs = new $util.LongBits(d.receivedAtMs.low >>> 0, d.receivedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                if (d.hubCert != null) {
                    if (d.hubCert.length) {
                        if (typeof d.hubCert === "string")
                            $util.base64.decode(d.hubCert, m.hubCert = $util.newBuffer($util.base64.length(d.hubCert)), 0);
                        else if (d.hubCert.length >= 0)
                            m.hubCert = d.hubCert;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a HopStamp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.HopStamp
             * @static
             * @param {datanet.v1.HopStamp} m HopStamp
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HopStamp.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.hubId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.receivedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.receivedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                    if (o.bytes === $String)
                        d.hubCert = "";
                    else {
                        d.hubCert = [];
                        if (o.bytes !== $Array)
                            d.hubCert = $util.newBuffer(d.hubCert);
                    }
                }
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId")) {
                    d.hubId = m.hubId;
                }
                if (m.receivedAtMs != null && $Object.hasOwnProperty.call(m, "receivedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.receivedAtMs = typeof m.receivedAtMs === "number" ? $BigInt(m.receivedAtMs) : $util.Long.fromBits(m.receivedAtMs.low >>> 0, m.receivedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.receivedAtMs === "number")
                        d.receivedAtMs = o.longs === $String ? $String(m.receivedAtMs) : m.receivedAtMs;
                    else
                        d.receivedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.receivedAtMs) : o.longs === $Number ? new $util.LongBits(m.receivedAtMs.low >>> 0, m.receivedAtMs.high >>> 0).toNumber() : m.receivedAtMs;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert")) {
                    d.hubCert = o.bytes === $String ? $util.base64.encode(m.hubCert, 0, m.hubCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.hubCert) : m.hubCert;
                }
                return d;
            };

            /**
             * Converts this HopStamp to JSON.
             * @function toJSON
             * @memberof datanet.v1.HopStamp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HopStamp.prototype.toJSON = function() {
                return HopStamp.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HopStamp
             * @function getTypeUrl
             * @memberof datanet.v1.HopStamp
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HopStamp.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.HopStamp";
            };

            return HopStamp;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} datanet.v1.Envelope.$Properties
             * @property {Uint8Array|null} [header] Envelope header
             * @property {Uint8Array|null} [signature] Envelope signature
             * @property {Array.<Uint8Array>|null} [senderChain] Envelope senderChain
             * @property {Uint8Array|null} [payload] Envelope payload
             * @property {Array.<datanet.v1.HopStamp.$Properties>|null} [hops] Envelope hops
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof datanet.v1
             * @interface IEnvelope
             * @augments datanet.v1.Envelope.$Properties
             * @deprecated Use datanet.v1.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {datanet.v1.Envelope.$Properties} datanet.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof datanet.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {datanet.v1.Envelope.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (p) {
                this.senderChain = [];
                this.hops = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Envelope header.
             * @member {Uint8Array} header
             * @memberof datanet.v1.Envelope
             * @instance
             */
            Envelope.prototype.header = $util.newBuffer([]);

            /**
             * Envelope signature.
             * @member {Uint8Array} signature
             * @memberof datanet.v1.Envelope
             * @instance
             */
            Envelope.prototype.signature = $util.newBuffer([]);

            /**
             * Envelope senderChain.
             * @member {Array.<Uint8Array>} senderChain
             * @memberof datanet.v1.Envelope
             * @instance
             */
            Envelope.prototype.senderChain = $util.emptyArray;

            /**
             * Envelope payload.
             * @member {Uint8Array} payload
             * @memberof datanet.v1.Envelope
             * @instance
             */
            Envelope.prototype.payload = $util.newBuffer([]);

            /**
             * Envelope hops.
             * @member {Array.<datanet.v1.HopStamp.$Properties>} hops
             * @memberof datanet.v1.Envelope
             * @instance
             */
            Envelope.prototype.hops = $util.emptyArray;

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof datanet.v1.Envelope
             * @static
             * @param {datanet.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: datanet.v1.Envelope.$Shape): datanet.v1.Envelope & datanet.v1.Envelope.$Shape;
             *   (properties?: datanet.v1.Envelope.$Properties): datanet.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link datanet.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.Envelope
             * @static
             * @param {datanet.v1.Envelope.$Properties} m Envelope message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.header != null && $Object.hasOwnProperty.call(m, "header") && m.header.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.header);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signature);
                if (m.senderChain != null && m.senderChain.length) {
                    for (var i = 0; i < m.senderChain.length; ++i)
                        w.uint32(/* id 3, wireType 2 =*/26).bytes(m.senderChain[i]);
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.payload);
                if (m.hops != null && m.hops.length) {
                    for (var i = 0; i < m.hops.length; ++i)
                        $root.datanet.v1.HopStamp.encode(m.hops[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.Envelope & datanet.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.Envelope();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.header = v;
                            else
                                delete m.header;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if (!(m.senderChain && m.senderChain.length))
                                m.senderChain = [];
                            m.senderChain.push(r.bytes());
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.payload = v;
                            else
                                delete m.payload;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.hops && m.hops.length))
                                m.hops = [];
                            m.hops.push($root.datanet.v1.HopStamp.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof datanet.v1.Envelope
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.header != null && $Object.hasOwnProperty.call(m, "header")) {
                    if (!(m.header && typeof m.header.length === "number" || $util.isString(m.header)))
                        return "header: buffer expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.senderChain != null && $Object.hasOwnProperty.call(m, "senderChain")) {
                    if (!$Array.isArray(m.senderChain))
                        return "senderChain: array expected";
                    for (var i = 0; i < m.senderChain.length; ++i) {
                        if (!(m.senderChain[i] && typeof m.senderChain[i].length === "number" || $util.isString(m.senderChain[i])))
                            return "senderChain: buffer[] expected";
                    }
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    if (!(m.payload && typeof m.payload.length === "number" || $util.isString(m.payload)))
                        return "payload: buffer expected";
                }
                if (m.hops != null && $Object.hasOwnProperty.call(m, "hops")) {
                    if (!$Array.isArray(m.hops))
                        return "hops: array expected";
                    for (var i = 0; i < m.hops.length; ++i) {
                        {
                            var e = $root.datanet.v1.HopStamp.verify(m.hops[i], q + 1);
                            if (e)
                                return "hops." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.Envelope
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.Envelope)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.Envelope: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.Envelope();
                if (d.header != null) {
                    if (d.header.length) {
                        if (typeof d.header === "string")
                            $util.base64.decode(d.header, m.header = $util.newBuffer($util.base64.length(d.header)), 0);
                        else if (d.header.length >= 0)
                            m.header = d.header;
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                if (d.senderChain) {
                    if (!$Array.isArray(d.senderChain))
                        throw $TypeError(".datanet.v1.Envelope.senderChain: array expected");
                    m.senderChain = $Array(d.senderChain.length);
                    for (var i = 0; i < d.senderChain.length; ++i) {
                        if (typeof d.senderChain[i] === "string")
                            $util.base64.decode(d.senderChain[i], m.senderChain[i] = $util.newBuffer($util.base64.length(d.senderChain[i])), 0);
                        else if (d.senderChain[i].length >= 0)
                            m.senderChain[i] = d.senderChain[i];
                    }
                }
                if (d.payload != null) {
                    if (d.payload.length) {
                        if (typeof d.payload === "string")
                            $util.base64.decode(d.payload, m.payload = $util.newBuffer($util.base64.length(d.payload)), 0);
                        else if (d.payload.length >= 0)
                            m.payload = d.payload;
                    }
                }
                if (d.hops) {
                    if (!$Array.isArray(d.hops))
                        throw $TypeError(".datanet.v1.Envelope.hops: array expected");
                    m.hops = $Array(d.hops.length);
                    for (var i = 0; i < d.hops.length; ++i) {
                        if (!$util.isObject(d.hops[i]))
                            throw $TypeError(".datanet.v1.Envelope.hops: object expected");
                        m.hops[i] = $root.datanet.v1.HopStamp.fromObject(d.hops[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.Envelope
             * @static
             * @param {datanet.v1.Envelope} m Envelope
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.senderChain = [];
                    d.hops = [];
                }
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.header = "";
                    else {
                        d.header = [];
                        if (o.bytes !== $Array)
                            d.header = $util.newBuffer(d.header);
                    }
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                    if (o.bytes === $String)
                        d.payload = "";
                    else {
                        d.payload = [];
                        if (o.bytes !== $Array)
                            d.payload = $util.newBuffer(d.payload);
                    }
                }
                if (m.header != null && $Object.hasOwnProperty.call(m, "header")) {
                    d.header = o.bytes === $String ? $util.base64.encode(m.header, 0, m.header.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.header) : m.header;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                if (m.senderChain && m.senderChain.length) {
                    d.senderChain = $Array(m.senderChain.length);
                    for (var j = 0; j < m.senderChain.length; ++j) {
                        d.senderChain[j] = o.bytes === $String ? $util.base64.encode(m.senderChain[j], 0, m.senderChain[j].length) : o.bytes === $Array ? $Array.prototype.slice.call(m.senderChain[j]) : m.senderChain[j];
                    }
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    d.payload = o.bytes === $String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payload) : m.payload;
                }
                if (m.hops && m.hops.length) {
                    d.hops = $Array(m.hops.length);
                    for (var j = 0; j < m.hops.length; ++j) {
                        d.hops[j] = $root.datanet.v1.HopStamp.toObject(m.hops[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof datanet.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof datanet.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.Envelope";
            };

            return Envelope;
        })();

        v1.Payload = (function() {

            /**
             * Properties of a Payload.
             * @typedef {Object} datanet.v1.Payload.$Properties
             * @property {string|null} [contentType] Payload contentType
             * @property {Uint8Array|null} [body] Payload body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Payload.
             * @memberof datanet.v1
             * @interface IPayload
             * @augments datanet.v1.Payload.$Properties
             * @deprecated Use datanet.v1.Payload.$Properties instead.
             */

            /**
             * Shape of a Payload.
             * @typedef {datanet.v1.Payload.$Properties} datanet.v1.Payload.$Shape
             */

            /**
             * Constructs a new Payload.
             * @memberof datanet.v1
             * @classdesc Represents a Payload.
             * @constructor
             * @param {datanet.v1.Payload.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Payload = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Payload contentType.
             * @member {string} contentType
             * @memberof datanet.v1.Payload
             * @instance
             */
            Payload.prototype.contentType = "";

            /**
             * Payload body.
             * @member {Uint8Array} body
             * @memberof datanet.v1.Payload
             * @instance
             */
            Payload.prototype.body = $util.newBuffer([]);

            /**
             * Creates a new Payload instance using the specified properties.
             * @function create
             * @memberof datanet.v1.Payload
             * @static
             * @param {datanet.v1.Payload.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.Payload} Payload instance
             * @type {{
             *   (properties: datanet.v1.Payload.$Shape): datanet.v1.Payload & datanet.v1.Payload.$Shape;
             *   (properties?: datanet.v1.Payload.$Properties): datanet.v1.Payload;
             * }}
             */
            Payload.create = function(properties) {
                return new Payload(properties);
            };

            /**
             * Encodes the specified Payload message. Does not implicitly {@link datanet.v1.Payload.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.Payload
             * @static
             * @param {datanet.v1.Payload.$Properties} m Payload message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Payload.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType") && m.contentType !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.contentType);
                if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.body);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Payload message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.Payload
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.Payload & datanet.v1.Payload.$Shape} Payload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Payload.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.Payload();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.contentType = v;
                            else
                                delete m.contentType;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.body = v;
                            else
                                delete m.body;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a Payload message.
             * @function verify
             * @memberof datanet.v1.Payload
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Payload.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType")) {
                    if (!$util.isString(m.contentType))
                        return "contentType: string expected";
                }
                if (m.body != null && $Object.hasOwnProperty.call(m, "body")) {
                    if (!(m.body && typeof m.body.length === "number" || $util.isString(m.body)))
                        return "body: buffer expected";
                }
                return null;
            };

            /**
             * Creates a Payload message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.Payload
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.Payload} Payload
             */
            Payload.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.Payload)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.Payload: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.Payload();
                if (d.contentType != null) {
                    if (typeof d.contentType !== "string" || d.contentType.length) {
                        m.contentType = $String(d.contentType);
                    }
                }
                if (d.body != null) {
                    if (d.body.length) {
                        if (typeof d.body === "string")
                            $util.base64.decode(d.body, m.body = $util.newBuffer($util.base64.length(d.body)), 0);
                        else if (d.body.length >= 0)
                            m.body = d.body;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Payload message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.Payload
             * @static
             * @param {datanet.v1.Payload} m Payload
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Payload.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.contentType = "";
                    if (o.bytes === $String)
                        d.body = "";
                    else {
                        d.body = [];
                        if (o.bytes !== $Array)
                            d.body = $util.newBuffer(d.body);
                    }
                }
                if (m.contentType != null && $Object.hasOwnProperty.call(m, "contentType")) {
                    d.contentType = m.contentType;
                }
                if (m.body != null && $Object.hasOwnProperty.call(m, "body")) {
                    d.body = o.bytes === $String ? $util.base64.encode(m.body, 0, m.body.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.body) : m.body;
                }
                return d;
            };

            /**
             * Converts this Payload to JSON.
             * @function toJSON
             * @memberof datanet.v1.Payload
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Payload.prototype.toJSON = function() {
                return Payload.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Payload
             * @function getTypeUrl
             * @memberof datanet.v1.Payload
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Payload.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.Payload";
            };

            return Payload;
        })();

        v1.JobFrame = (function() {

            /**
             * Properties of a JobFrame.
             * @typedef {Object} datanet.v1.JobFrame.$Properties
             * @property {string|null} [channelId] JobFrame channelId
             * @property {string|null} [leaseId] JobFrame leaseId
             * @property {string|null} [jobId] JobFrame jobId
             * @property {string|null} [subTaskId] JobFrame subTaskId
             * @property {string|null} [strategy] JobFrame strategy
             * @property {number|null} [messageSeq] JobFrame messageSeq
             * @property {number|null} [chunkIndex] JobFrame chunkIndex
             * @property {number|null} [chunkCount] JobFrame chunkCount
             * @property {Uint8Array|null} [data] JobFrame data
             * @property {boolean|null} [close] JobFrame close
             * @property {string|null} [closeReason] JobFrame closeReason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a JobFrame.
             * @memberof datanet.v1
             * @interface IJobFrame
             * @augments datanet.v1.JobFrame.$Properties
             * @deprecated Use datanet.v1.JobFrame.$Properties instead.
             */

            /**
             * Shape of a JobFrame.
             * @typedef {datanet.v1.JobFrame.$Properties} datanet.v1.JobFrame.$Shape
             */

            /**
             * Constructs a new JobFrame.
             * @memberof datanet.v1
             * @classdesc Represents a JobFrame.
             * @constructor
             * @param {datanet.v1.JobFrame.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const JobFrame = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * JobFrame channelId.
             * @member {string} channelId
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.channelId = "";

            /**
             * JobFrame leaseId.
             * @member {string} leaseId
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.leaseId = "";

            /**
             * JobFrame jobId.
             * @member {string} jobId
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.jobId = "";

            /**
             * JobFrame subTaskId.
             * @member {string} subTaskId
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.subTaskId = "";

            /**
             * JobFrame strategy.
             * @member {string} strategy
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.strategy = "";

            /**
             * JobFrame messageSeq.
             * @member {number} messageSeq
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.messageSeq = 0;

            /**
             * JobFrame chunkIndex.
             * @member {number} chunkIndex
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.chunkIndex = 0;

            /**
             * JobFrame chunkCount.
             * @member {number} chunkCount
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.chunkCount = 0;

            /**
             * JobFrame data.
             * @member {Uint8Array} data
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.data = $util.newBuffer([]);

            /**
             * JobFrame close.
             * @member {boolean} close
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.close = false;

            /**
             * JobFrame closeReason.
             * @member {string} closeReason
             * @memberof datanet.v1.JobFrame
             * @instance
             */
            JobFrame.prototype.closeReason = "";

            /**
             * Creates a new JobFrame instance using the specified properties.
             * @function create
             * @memberof datanet.v1.JobFrame
             * @static
             * @param {datanet.v1.JobFrame.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.JobFrame} JobFrame instance
             * @type {{
             *   (properties: datanet.v1.JobFrame.$Shape): datanet.v1.JobFrame & datanet.v1.JobFrame.$Shape;
             *   (properties?: datanet.v1.JobFrame.$Properties): datanet.v1.JobFrame;
             * }}
             */
            JobFrame.create = function(properties) {
                return new JobFrame(properties);
            };

            /**
             * Encodes the specified JobFrame message. Does not implicitly {@link datanet.v1.JobFrame.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.JobFrame
             * @static
             * @param {datanet.v1.JobFrame.$Properties} m JobFrame message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            JobFrame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.channelId != null && $Object.hasOwnProperty.call(m, "channelId") && m.channelId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.channelId);
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId") && m.leaseId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.leaseId);
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.jobId);
                if (m.subTaskId != null && $Object.hasOwnProperty.call(m, "subTaskId") && m.subTaskId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.subTaskId);
                if (m.strategy != null && $Object.hasOwnProperty.call(m, "strategy") && m.strategy !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.strategy);
                if (m.messageSeq != null && $Object.hasOwnProperty.call(m, "messageSeq") && m.messageSeq !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.messageSeq);
                if (m.chunkIndex != null && $Object.hasOwnProperty.call(m, "chunkIndex") && m.chunkIndex !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).uint32(m.chunkIndex);
                if (m.chunkCount != null && $Object.hasOwnProperty.call(m, "chunkCount") && m.chunkCount !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).uint32(m.chunkCount);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(/* id 9, wireType 2 =*/74).bytes(m.data);
                if (m.close != null && $Object.hasOwnProperty.call(m, "close") && m.close !== false)
                    w.uint32(/* id 10, wireType 0 =*/80).bool(m.close);
                if (m.closeReason != null && $Object.hasOwnProperty.call(m, "closeReason") && m.closeReason !== "")
                    w.uint32(/* id 11, wireType 2 =*/90).string(m.closeReason);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a JobFrame message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.JobFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.JobFrame & datanet.v1.JobFrame.$Shape} JobFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            JobFrame.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.JobFrame();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.channelId = v;
                            else
                                delete m.channelId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.leaseId = v;
                            else
                                delete m.leaseId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.subTaskId = v;
                            else
                                delete m.subTaskId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.strategy = v;
                            else
                                delete m.strategy;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.messageSeq = v;
                            else
                                delete m.messageSeq;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.chunkIndex = v;
                            else
                                delete m.chunkIndex;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.chunkCount = v;
                            else
                                delete m.chunkCount;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.close = v;
                            else
                                delete m.close;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.closeReason = v;
                            else
                                delete m.closeReason;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a JobFrame message.
             * @function verify
             * @memberof datanet.v1.JobFrame
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            JobFrame.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.channelId != null && $Object.hasOwnProperty.call(m, "channelId")) {
                    if (!$util.isString(m.channelId))
                        return "channelId: string expected";
                }
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId")) {
                    if (!$util.isString(m.leaseId))
                        return "leaseId: string expected";
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    if (!$util.isString(m.jobId))
                        return "jobId: string expected";
                }
                if (m.subTaskId != null && $Object.hasOwnProperty.call(m, "subTaskId")) {
                    if (!$util.isString(m.subTaskId))
                        return "subTaskId: string expected";
                }
                if (m.strategy != null && $Object.hasOwnProperty.call(m, "strategy")) {
                    if (!$util.isString(m.strategy))
                        return "strategy: string expected";
                }
                if (m.messageSeq != null && $Object.hasOwnProperty.call(m, "messageSeq")) {
                    if (!$util.isInteger(m.messageSeq))
                        return "messageSeq: integer expected";
                }
                if (m.chunkIndex != null && $Object.hasOwnProperty.call(m, "chunkIndex")) {
                    if (!$util.isInteger(m.chunkIndex))
                        return "chunkIndex: integer expected";
                }
                if (m.chunkCount != null && $Object.hasOwnProperty.call(m, "chunkCount")) {
                    if (!$util.isInteger(m.chunkCount))
                        return "chunkCount: integer expected";
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    if (!(m.data && typeof m.data.length === "number" || $util.isString(m.data)))
                        return "data: buffer expected";
                }
                if (m.close != null && $Object.hasOwnProperty.call(m, "close")) {
                    if (typeof m.close !== "boolean")
                        return "close: boolean expected";
                }
                if (m.closeReason != null && $Object.hasOwnProperty.call(m, "closeReason")) {
                    if (!$util.isString(m.closeReason))
                        return "closeReason: string expected";
                }
                return null;
            };

            /**
             * Creates a JobFrame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.JobFrame
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.JobFrame} JobFrame
             */
            JobFrame.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.JobFrame)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.JobFrame: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.JobFrame();
                if (d.channelId != null) {
                    if (typeof d.channelId !== "string" || d.channelId.length) {
                        m.channelId = $String(d.channelId);
                    }
                }
                if (d.leaseId != null) {
                    if (typeof d.leaseId !== "string" || d.leaseId.length) {
                        m.leaseId = $String(d.leaseId);
                    }
                }
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.subTaskId != null) {
                    if (typeof d.subTaskId !== "string" || d.subTaskId.length) {
                        m.subTaskId = $String(d.subTaskId);
                    }
                }
                if (d.strategy != null) {
                    if (typeof d.strategy !== "string" || d.strategy.length) {
                        m.strategy = $String(d.strategy);
                    }
                }
                if (d.messageSeq != null) {
                    if ($Number(d.messageSeq) !== 0) {
                        m.messageSeq = d.messageSeq >>> 0;
                    }
                }
                if (d.chunkIndex != null) {
                    if ($Number(d.chunkIndex) !== 0) {
                        m.chunkIndex = d.chunkIndex >>> 0;
                    }
                }
                if (d.chunkCount != null) {
                    if ($Number(d.chunkCount) !== 0) {
                        m.chunkCount = d.chunkCount >>> 0;
                    }
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                if (d.close != null) {
                    if (d.close) {
                        m.close = $Boolean(d.close);
                    }
                }
                if (d.closeReason != null) {
                    if (typeof d.closeReason !== "string" || d.closeReason.length) {
                        m.closeReason = $String(d.closeReason);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a JobFrame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.JobFrame
             * @static
             * @param {datanet.v1.JobFrame} m JobFrame
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            JobFrame.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.channelId = "";
                    d.leaseId = "";
                    d.jobId = "";
                    d.subTaskId = "";
                    d.strategy = "";
                    d.messageSeq = 0;
                    d.chunkIndex = 0;
                    d.chunkCount = 0;
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                    d.close = false;
                    d.closeReason = "";
                }
                if (m.channelId != null && $Object.hasOwnProperty.call(m, "channelId")) {
                    d.channelId = m.channelId;
                }
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId")) {
                    d.leaseId = m.leaseId;
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.subTaskId != null && $Object.hasOwnProperty.call(m, "subTaskId")) {
                    d.subTaskId = m.subTaskId;
                }
                if (m.strategy != null && $Object.hasOwnProperty.call(m, "strategy")) {
                    d.strategy = m.strategy;
                }
                if (m.messageSeq != null && $Object.hasOwnProperty.call(m, "messageSeq")) {
                    d.messageSeq = m.messageSeq;
                }
                if (m.chunkIndex != null && $Object.hasOwnProperty.call(m, "chunkIndex")) {
                    d.chunkIndex = m.chunkIndex;
                }
                if (m.chunkCount != null && $Object.hasOwnProperty.call(m, "chunkCount")) {
                    d.chunkCount = m.chunkCount;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                if (m.close != null && $Object.hasOwnProperty.call(m, "close")) {
                    d.close = m.close;
                }
                if (m.closeReason != null && $Object.hasOwnProperty.call(m, "closeReason")) {
                    d.closeReason = m.closeReason;
                }
                return d;
            };

            /**
             * Converts this JobFrame to JSON.
             * @function toJSON
             * @memberof datanet.v1.JobFrame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            JobFrame.prototype.toJSON = function() {
                return JobFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for JobFrame
             * @function getTypeUrl
             * @memberof datanet.v1.JobFrame
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            JobFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.JobFrame";
            };

            return JobFrame;
        })();

        v1.SubTaskReport = (function() {

            /**
             * Properties of a SubTaskReport.
             * @typedef {Object} datanet.v1.SubTaskReport.$Properties
             * @property {string|null} [reportId] SubTaskReport reportId
             * @property {string|null} [jobId] SubTaskReport jobId
             * @property {string|null} [subTaskId] SubTaskReport subTaskId
             * @property {number|null} [attempt] SubTaskReport attempt
             * @property {string|null} [leaseId] SubTaskReport leaseId
             * @property {string|null} [lessee] SubTaskReport lessee
             * @property {string|null} [lessor] SubTaskReport lessor
             * @property {string|null} [strategy] SubTaskReport strategy
             * @property {string|null} [outcome] SubTaskReport outcome
             * @property {number|Long|null} [startedAtMs] SubTaskReport startedAtMs
             * @property {number|Long|null} [endedAtMs] SubTaskReport endedAtMs
             * @property {Uint8Array|null} [resultDigest] SubTaskReport resultDigest
             * @property {number|Long|null} [inputBytes] SubTaskReport inputBytes
             * @property {number|Long|null} [resultBytes] SubTaskReport resultBytes
             * @property {number|null} [rows] SubTaskReport rows
             * @property {string|null} [failureCode] SubTaskReport failureCode
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SubTaskReport.
             * @memberof datanet.v1
             * @interface ISubTaskReport
             * @augments datanet.v1.SubTaskReport.$Properties
             * @deprecated Use datanet.v1.SubTaskReport.$Properties instead.
             */

            /**
             * Shape of a SubTaskReport.
             * @typedef {datanet.v1.SubTaskReport.$Properties} datanet.v1.SubTaskReport.$Shape
             */

            /**
             * Constructs a new SubTaskReport.
             * @memberof datanet.v1
             * @classdesc Represents a SubTaskReport.
             * @constructor
             * @param {datanet.v1.SubTaskReport.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SubTaskReport = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * SubTaskReport reportId.
             * @member {string} reportId
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.reportId = "";

            /**
             * SubTaskReport jobId.
             * @member {string} jobId
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.jobId = "";

            /**
             * SubTaskReport subTaskId.
             * @member {string} subTaskId
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.subTaskId = "";

            /**
             * SubTaskReport attempt.
             * @member {number} attempt
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.attempt = 0;

            /**
             * SubTaskReport leaseId.
             * @member {string} leaseId
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.leaseId = "";

            /**
             * SubTaskReport lessee.
             * @member {string} lessee
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.lessee = "";

            /**
             * SubTaskReport lessor.
             * @member {string} lessor
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.lessor = "";

            /**
             * SubTaskReport strategy.
             * @member {string} strategy
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.strategy = "";

            /**
             * SubTaskReport outcome.
             * @member {string} outcome
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.outcome = "";

            /**
             * SubTaskReport startedAtMs.
             * @member {number|Long} startedAtMs
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.startedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SubTaskReport endedAtMs.
             * @member {number|Long} endedAtMs
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.endedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SubTaskReport resultDigest.
             * @member {Uint8Array} resultDigest
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.resultDigest = $util.newBuffer([]);

            /**
             * SubTaskReport inputBytes.
             * @member {number|Long} inputBytes
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.inputBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SubTaskReport resultBytes.
             * @member {number|Long} resultBytes
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.resultBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * SubTaskReport rows.
             * @member {number} rows
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.rows = 0;

            /**
             * SubTaskReport failureCode.
             * @member {string} failureCode
             * @memberof datanet.v1.SubTaskReport
             * @instance
             */
            SubTaskReport.prototype.failureCode = "";

            /**
             * Creates a new SubTaskReport instance using the specified properties.
             * @function create
             * @memberof datanet.v1.SubTaskReport
             * @static
             * @param {datanet.v1.SubTaskReport.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.SubTaskReport} SubTaskReport instance
             * @type {{
             *   (properties: datanet.v1.SubTaskReport.$Shape): datanet.v1.SubTaskReport & datanet.v1.SubTaskReport.$Shape;
             *   (properties?: datanet.v1.SubTaskReport.$Properties): datanet.v1.SubTaskReport;
             * }}
             */
            SubTaskReport.create = function(properties) {
                return new SubTaskReport(properties);
            };

            /**
             * Encodes the specified SubTaskReport message. Does not implicitly {@link datanet.v1.SubTaskReport.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.SubTaskReport
             * @static
             * @param {datanet.v1.SubTaskReport.$Properties} m SubTaskReport message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SubTaskReport.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.reportId != null && $Object.hasOwnProperty.call(m, "reportId") && m.reportId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.reportId);
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId") && m.jobId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.jobId);
                if (m.subTaskId != null && $Object.hasOwnProperty.call(m, "subTaskId") && m.subTaskId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.subTaskId);
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt") && m.attempt !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.attempt);
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId") && m.leaseId !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.leaseId);
                if (m.lessee != null && $Object.hasOwnProperty.call(m, "lessee") && m.lessee !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.lessee);
                if (m.lessor != null && $Object.hasOwnProperty.call(m, "lessor") && m.lessor !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.lessor);
                if (m.strategy != null && $Object.hasOwnProperty.call(m, "strategy") && m.strategy !== "")
                    w.uint32(/* id 8, wireType 2 =*/66).string(m.strategy);
                if (m.outcome != null && $Object.hasOwnProperty.call(m, "outcome") && m.outcome !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.outcome);
                if (m.startedAtMs != null && $Object.hasOwnProperty.call(m, "startedAtMs") && (typeof m.startedAtMs === "object" ? m.startedAtMs.low || m.startedAtMs.high : m.startedAtMs !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).int64(m.startedAtMs);
                if (m.endedAtMs != null && $Object.hasOwnProperty.call(m, "endedAtMs") && (typeof m.endedAtMs === "object" ? m.endedAtMs.low || m.endedAtMs.high : m.endedAtMs !== 0))
                    w.uint32(/* id 11, wireType 0 =*/88).int64(m.endedAtMs);
                if (m.resultDigest != null && $Object.hasOwnProperty.call(m, "resultDigest") && m.resultDigest.length)
                    w.uint32(/* id 12, wireType 2 =*/98).bytes(m.resultDigest);
                if (m.inputBytes != null && $Object.hasOwnProperty.call(m, "inputBytes") && (typeof m.inputBytes === "object" ? m.inputBytes.low || m.inputBytes.high : m.inputBytes !== 0))
                    w.uint32(/* id 13, wireType 0 =*/104).uint64(m.inputBytes);
                if (m.resultBytes != null && $Object.hasOwnProperty.call(m, "resultBytes") && (typeof m.resultBytes === "object" ? m.resultBytes.low || m.resultBytes.high : m.resultBytes !== 0))
                    w.uint32(/* id 14, wireType 0 =*/112).uint64(m.resultBytes);
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows") && m.rows !== 0)
                    w.uint32(/* id 15, wireType 0 =*/120).uint32(m.rows);
                if (m.failureCode != null && $Object.hasOwnProperty.call(m, "failureCode") && m.failureCode !== "")
                    w.uint32(/* id 16, wireType 2 =*/130).string(m.failureCode);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a SubTaskReport message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.SubTaskReport
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.SubTaskReport & datanet.v1.SubTaskReport.$Shape} SubTaskReport
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SubTaskReport.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.SubTaskReport();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reportId = v;
                            else
                                delete m.reportId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.jobId = v;
                            else
                                delete m.jobId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.subTaskId = v;
                            else
                                delete m.subTaskId;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.attempt = v;
                            else
                                delete m.attempt;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.leaseId = v;
                            else
                                delete m.leaseId;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lessee = v;
                            else
                                delete m.lessee;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lessor = v;
                            else
                                delete m.lessor;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.strategy = v;
                            else
                                delete m.strategy;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.outcome = v;
                            else
                                delete m.outcome;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.startedAtMs = v;
                            else
                                delete m.startedAtMs;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.endedAtMs = v;
                            else
                                delete m.endedAtMs;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.resultDigest = v;
                            else
                                delete m.resultDigest;
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.inputBytes = v;
                            else
                                delete m.inputBytes;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.resultBytes = v;
                            else
                                delete m.resultBytes;
                            continue;
                        }
                    case 15: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.rows = v;
                            else
                                delete m.rows;
                            continue;
                        }
                    case 16: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.failureCode = v;
                            else
                                delete m.failureCode;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a SubTaskReport message.
             * @function verify
             * @memberof datanet.v1.SubTaskReport
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SubTaskReport.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.reportId != null && $Object.hasOwnProperty.call(m, "reportId")) {
                    if (!$util.isString(m.reportId))
                        return "reportId: string expected";
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    if (!$util.isString(m.jobId))
                        return "jobId: string expected";
                }
                if (m.subTaskId != null && $Object.hasOwnProperty.call(m, "subTaskId")) {
                    if (!$util.isString(m.subTaskId))
                        return "subTaskId: string expected";
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    if (!$util.isInteger(m.attempt))
                        return "attempt: integer expected";
                }
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId")) {
                    if (!$util.isString(m.leaseId))
                        return "leaseId: string expected";
                }
                if (m.lessee != null && $Object.hasOwnProperty.call(m, "lessee")) {
                    if (!$util.isString(m.lessee))
                        return "lessee: string expected";
                }
                if (m.lessor != null && $Object.hasOwnProperty.call(m, "lessor")) {
                    if (!$util.isString(m.lessor))
                        return "lessor: string expected";
                }
                if (m.strategy != null && $Object.hasOwnProperty.call(m, "strategy")) {
                    if (!$util.isString(m.strategy))
                        return "strategy: string expected";
                }
                if (m.outcome != null && $Object.hasOwnProperty.call(m, "outcome")) {
                    if (!$util.isString(m.outcome))
                        return "outcome: string expected";
                }
                if (m.startedAtMs != null && $Object.hasOwnProperty.call(m, "startedAtMs")) {
                    if (!$util.isInteger(m.startedAtMs) && !(m.startedAtMs && $util.isInteger(m.startedAtMs.low) && $util.isInteger(m.startedAtMs.high)))
                        return "startedAtMs: integer|Long expected";
                }
                if (m.endedAtMs != null && $Object.hasOwnProperty.call(m, "endedAtMs")) {
                    if (!$util.isInteger(m.endedAtMs) && !(m.endedAtMs && $util.isInteger(m.endedAtMs.low) && $util.isInteger(m.endedAtMs.high)))
                        return "endedAtMs: integer|Long expected";
                }
                if (m.resultDigest != null && $Object.hasOwnProperty.call(m, "resultDigest")) {
                    if (!(m.resultDigest && typeof m.resultDigest.length === "number" || $util.isString(m.resultDigest)))
                        return "resultDigest: buffer expected";
                }
                if (m.inputBytes != null && $Object.hasOwnProperty.call(m, "inputBytes")) {
                    if (!$util.isInteger(m.inputBytes) && !(m.inputBytes && $util.isInteger(m.inputBytes.low) && $util.isInteger(m.inputBytes.high)))
                        return "inputBytes: integer|Long expected";
                }
                if (m.resultBytes != null && $Object.hasOwnProperty.call(m, "resultBytes")) {
                    if (!$util.isInteger(m.resultBytes) && !(m.resultBytes && $util.isInteger(m.resultBytes.low) && $util.isInteger(m.resultBytes.high)))
                        return "resultBytes: integer|Long expected";
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    if (!$util.isInteger(m.rows))
                        return "rows: integer expected";
                }
                if (m.failureCode != null && $Object.hasOwnProperty.call(m, "failureCode")) {
                    if (!$util.isString(m.failureCode))
                        return "failureCode: string expected";
                }
                return null;
            };

            /**
             * Creates a SubTaskReport message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.SubTaskReport
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.SubTaskReport} SubTaskReport
             */
            SubTaskReport.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.SubTaskReport)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.SubTaskReport: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.SubTaskReport();
                if (d.reportId != null) {
                    if (typeof d.reportId !== "string" || d.reportId.length) {
                        m.reportId = $String(d.reportId);
                    }
                }
                if (d.jobId != null) {
                    if (typeof d.jobId !== "string" || d.jobId.length) {
                        m.jobId = $String(d.jobId);
                    }
                }
                if (d.subTaskId != null) {
                    if (typeof d.subTaskId !== "string" || d.subTaskId.length) {
                        m.subTaskId = $String(d.subTaskId);
                    }
                }
                if (d.attempt != null) {
                    if ($Number(d.attempt) !== 0) {
                        m.attempt = d.attempt >>> 0;
                    }
                }
                if (d.leaseId != null) {
                    if (typeof d.leaseId !== "string" || d.leaseId.length) {
                        m.leaseId = $String(d.leaseId);
                    }
                }
                if (d.lessee != null) {
                    if (typeof d.lessee !== "string" || d.lessee.length) {
                        m.lessee = $String(d.lessee);
                    }
                }
                if (d.lessor != null) {
                    if (typeof d.lessor !== "string" || d.lessor.length) {
                        m.lessor = $String(d.lessor);
                    }
                }
                if (d.strategy != null) {
                    if (typeof d.strategy !== "string" || d.strategy.length) {
                        m.strategy = $String(d.strategy);
                    }
                }
                if (d.outcome != null) {
                    if (typeof d.outcome !== "string" || d.outcome.length) {
                        m.outcome = $String(d.outcome);
                    }
                }
                if (d.startedAtMs != null) {
                    if (typeof d.startedAtMs === "object" ? d.startedAtMs.low || d.startedAtMs.high : $Number(d.startedAtMs) !== 0) {
                        if ($util.Long)
                            m.startedAtMs = $util.Long.fromValue(d.startedAtMs, false);
                        else if (typeof d.startedAtMs === "string")
                            m.startedAtMs = $parseInt(d.startedAtMs, 10);
                        else if (typeof d.startedAtMs === "number")
                            m.startedAtMs = d.startedAtMs;
                        else if (typeof d.startedAtMs === "object")
                            m.startedAtMs = new $util.LongBits(d.startedAtMs.low >>> 0, d.startedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.endedAtMs != null) {
                    if (typeof d.endedAtMs === "object" ? d.endedAtMs.low || d.endedAtMs.high : $Number(d.endedAtMs) !== 0) {
                        if ($util.Long)
                            m.endedAtMs = $util.Long.fromValue(d.endedAtMs, false);
                        else if (typeof d.endedAtMs === "string")
                            m.endedAtMs = $parseInt(d.endedAtMs, 10);
                        else if (typeof d.endedAtMs === "number")
                            m.endedAtMs = d.endedAtMs;
                        else if (typeof d.endedAtMs === "object")
                            m.endedAtMs = new $util.LongBits(d.endedAtMs.low >>> 0, d.endedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.resultDigest != null) {
                    if (d.resultDigest.length) {
                        if (typeof d.resultDigest === "string")
                            $util.base64.decode(d.resultDigest, m.resultDigest = $util.newBuffer($util.base64.length(d.resultDigest)), 0);
                        else if (d.resultDigest.length >= 0)
                            m.resultDigest = d.resultDigest;
                    }
                }
                if (d.inputBytes != null) {
                    if (typeof d.inputBytes === "object" ? d.inputBytes.low || d.inputBytes.high : $Number(d.inputBytes) !== 0) {
                        if ($util.Long)
                            m.inputBytes = $util.Long.fromValue(d.inputBytes, true);
                        else if (typeof d.inputBytes === "string")
                            m.inputBytes = $parseInt(d.inputBytes, 10);
                        else if (typeof d.inputBytes === "number")
                            m.inputBytes = d.inputBytes;
                        else if (typeof d.inputBytes === "object")
                            m.inputBytes = new $util.LongBits(d.inputBytes.low >>> 0, d.inputBytes.high >>> 0).toNumber(true);
                    }
                }
                if (d.resultBytes != null) {
                    if (typeof d.resultBytes === "object" ? d.resultBytes.low || d.resultBytes.high : $Number(d.resultBytes) !== 0) {
                        if ($util.Long)
                            m.resultBytes = $util.Long.fromValue(d.resultBytes, true);
                        else if (typeof d.resultBytes === "string")
                            m.resultBytes = $parseInt(d.resultBytes, 10);
                        else if (typeof d.resultBytes === "number")
                            m.resultBytes = d.resultBytes;
                        else if (typeof d.resultBytes === "object")
                            m.resultBytes = new $util.LongBits(d.resultBytes.low >>> 0, d.resultBytes.high >>> 0).toNumber(true);
                    }
                }
                if (d.rows != null) {
                    if ($Number(d.rows) !== 0) {
                        m.rows = d.rows >>> 0;
                    }
                }
                if (d.failureCode != null) {
                    if (typeof d.failureCode !== "string" || d.failureCode.length) {
                        m.failureCode = $String(d.failureCode);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a SubTaskReport message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.SubTaskReport
             * @static
             * @param {datanet.v1.SubTaskReport} m SubTaskReport
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SubTaskReport.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.reportId = "";
                    d.jobId = "";
                    d.subTaskId = "";
                    d.attempt = 0;
                    d.leaseId = "";
                    d.lessee = "";
                    d.lessor = "";
                    d.strategy = "";
                    d.outcome = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.startedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.endedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.endedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.resultDigest = "";
                    else {
                        d.resultDigest = [];
                        if (o.bytes !== $Array)
                            d.resultDigest = $util.newBuffer(d.resultDigest);
                    }
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.inputBytes = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.inputBytes = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.resultBytes = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.resultBytes = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.rows = 0;
                    d.failureCode = "";
                }
                if (m.reportId != null && $Object.hasOwnProperty.call(m, "reportId")) {
                    d.reportId = m.reportId;
                }
                if (m.jobId != null && $Object.hasOwnProperty.call(m, "jobId")) {
                    d.jobId = m.jobId;
                }
                if (m.subTaskId != null && $Object.hasOwnProperty.call(m, "subTaskId")) {
                    d.subTaskId = m.subTaskId;
                }
                if (m.attempt != null && $Object.hasOwnProperty.call(m, "attempt")) {
                    d.attempt = m.attempt;
                }
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId")) {
                    d.leaseId = m.leaseId;
                }
                if (m.lessee != null && $Object.hasOwnProperty.call(m, "lessee")) {
                    d.lessee = m.lessee;
                }
                if (m.lessor != null && $Object.hasOwnProperty.call(m, "lessor")) {
                    d.lessor = m.lessor;
                }
                if (m.strategy != null && $Object.hasOwnProperty.call(m, "strategy")) {
                    d.strategy = m.strategy;
                }
                if (m.outcome != null && $Object.hasOwnProperty.call(m, "outcome")) {
                    d.outcome = m.outcome;
                }
                if (m.startedAtMs != null && $Object.hasOwnProperty.call(m, "startedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startedAtMs = typeof m.startedAtMs === "number" ? $BigInt(m.startedAtMs) : $util.Long.fromBits(m.startedAtMs.low >>> 0, m.startedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.startedAtMs === "number")
                        d.startedAtMs = o.longs === $String ? $String(m.startedAtMs) : m.startedAtMs;
                    else
                        d.startedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.startedAtMs) : o.longs === $Number ? new $util.LongBits(m.startedAtMs.low >>> 0, m.startedAtMs.high >>> 0).toNumber() : m.startedAtMs;
                }
                if (m.endedAtMs != null && $Object.hasOwnProperty.call(m, "endedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.endedAtMs = typeof m.endedAtMs === "number" ? $BigInt(m.endedAtMs) : $util.Long.fromBits(m.endedAtMs.low >>> 0, m.endedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.endedAtMs === "number")
                        d.endedAtMs = o.longs === $String ? $String(m.endedAtMs) : m.endedAtMs;
                    else
                        d.endedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.endedAtMs) : o.longs === $Number ? new $util.LongBits(m.endedAtMs.low >>> 0, m.endedAtMs.high >>> 0).toNumber() : m.endedAtMs;
                }
                if (m.resultDigest != null && $Object.hasOwnProperty.call(m, "resultDigest")) {
                    d.resultDigest = o.bytes === $String ? $util.base64.encode(m.resultDigest, 0, m.resultDigest.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.resultDigest) : m.resultDigest;
                }
                if (m.inputBytes != null && $Object.hasOwnProperty.call(m, "inputBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.inputBytes = typeof m.inputBytes === "number" ? $BigInt(m.inputBytes) : $util.Long.fromBits(m.inputBytes.low >>> 0, m.inputBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.inputBytes === "number")
                        d.inputBytes = o.longs === $String ? $String(m.inputBytes) : m.inputBytes;
                    else
                        d.inputBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.inputBytes) : o.longs === $Number ? new $util.LongBits(m.inputBytes.low >>> 0, m.inputBytes.high >>> 0).toNumber(true) : m.inputBytes;
                }
                if (m.resultBytes != null && $Object.hasOwnProperty.call(m, "resultBytes")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.resultBytes = typeof m.resultBytes === "number" ? $BigInt(m.resultBytes) : $util.Long.fromBits(m.resultBytes.low >>> 0, m.resultBytes.high >>> 0, true).toBigInt();
                    else if (typeof m.resultBytes === "number")
                        d.resultBytes = o.longs === $String ? $String(m.resultBytes) : m.resultBytes;
                    else
                        d.resultBytes = o.longs === $String ? $util.Long.prototype.toString.call(m.resultBytes) : o.longs === $Number ? new $util.LongBits(m.resultBytes.low >>> 0, m.resultBytes.high >>> 0).toNumber(true) : m.resultBytes;
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    d.rows = m.rows;
                }
                if (m.failureCode != null && $Object.hasOwnProperty.call(m, "failureCode")) {
                    d.failureCode = m.failureCode;
                }
                return d;
            };

            /**
             * Converts this SubTaskReport to JSON.
             * @function toJSON
             * @memberof datanet.v1.SubTaskReport
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SubTaskReport.prototype.toJSON = function() {
                return SubTaskReport.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SubTaskReport
             * @function getTypeUrl
             * @memberof datanet.v1.SubTaskReport
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SubTaskReport.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.SubTaskReport";
            };

            return SubTaskReport;
        })();

        v1.Order = (function() {

            /**
             * Properties of an Order.
             * @typedef {Object} datanet.v1.Order.$Properties
             * @property {string|null} [orderId] Order orderId
             * @property {string|null} [clientOrderId] Order clientOrderId
             * @property {string|null} [participantId] Order participantId
             * @property {string|null} [hubId] Order hubId
             * @property {string|null} [side] Order side
             * @property {number|null} [cores] Order cores
             * @property {number|Long|null} [memoryMib] Order memoryMib
             * @property {number|null} [durationS] Order durationS
             * @property {number|Long|null} [priceMinorPerCoreSecond] Order priceMinorPerCoreSecond
             * @property {Array.<string>|null} [capabilities] Order capabilities
             * @property {number|null} [securityLevel] Order securityLevel
             * @property {number|Long|null} [expiresAtMs] Order expiresAtMs
             * @property {boolean|null} [allOrNone] Order allOrNone
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Order.
             * @memberof datanet.v1
             * @interface IOrder
             * @augments datanet.v1.Order.$Properties
             * @deprecated Use datanet.v1.Order.$Properties instead.
             */

            /**
             * Shape of an Order.
             * @typedef {datanet.v1.Order.$Properties} datanet.v1.Order.$Shape
             */

            /**
             * Constructs a new Order.
             * @memberof datanet.v1
             * @classdesc Represents an Order.
             * @constructor
             * @param {datanet.v1.Order.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Order = function (p) {
                this.capabilities = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Order orderId.
             * @member {string} orderId
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.orderId = "";

            /**
             * Order clientOrderId.
             * @member {string} clientOrderId
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.clientOrderId = "";

            /**
             * Order participantId.
             * @member {string} participantId
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.participantId = "";

            /**
             * Order hubId.
             * @member {string} hubId
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.hubId = "";

            /**
             * Order side.
             * @member {string} side
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.side = "";

            /**
             * Order cores.
             * @member {number} cores
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.cores = 0;

            /**
             * Order memoryMib.
             * @member {number|Long} memoryMib
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.memoryMib = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Order durationS.
             * @member {number} durationS
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.durationS = 0;

            /**
             * Order priceMinorPerCoreSecond.
             * @member {number|Long} priceMinorPerCoreSecond
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.priceMinorPerCoreSecond = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Order capabilities.
             * @member {Array.<string>} capabilities
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.capabilities = $util.emptyArray;

            /**
             * Order securityLevel.
             * @member {number} securityLevel
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.securityLevel = 0;

            /**
             * Order expiresAtMs.
             * @member {number|Long} expiresAtMs
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.expiresAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Order allOrNone.
             * @member {boolean} allOrNone
             * @memberof datanet.v1.Order
             * @instance
             */
            Order.prototype.allOrNone = false;

            /**
             * Creates a new Order instance using the specified properties.
             * @function create
             * @memberof datanet.v1.Order
             * @static
             * @param {datanet.v1.Order.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.Order} Order instance
             * @type {{
             *   (properties: datanet.v1.Order.$Shape): datanet.v1.Order & datanet.v1.Order.$Shape;
             *   (properties?: datanet.v1.Order.$Properties): datanet.v1.Order;
             * }}
             */
            Order.create = function(properties) {
                return new Order(properties);
            };

            /**
             * Encodes the specified Order message. Does not implicitly {@link datanet.v1.Order.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.Order
             * @static
             * @param {datanet.v1.Order.$Properties} m Order message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Order.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.orderId != null && $Object.hasOwnProperty.call(m, "orderId") && m.orderId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.orderId);
                if (m.clientOrderId != null && $Object.hasOwnProperty.call(m, "clientOrderId") && m.clientOrderId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.clientOrderId);
                if (m.participantId != null && $Object.hasOwnProperty.call(m, "participantId") && m.participantId !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.participantId);
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId") && m.hubId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.hubId);
                if (m.side != null && $Object.hasOwnProperty.call(m, "side") && m.side !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.side);
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores") && m.cores !== 0)
                    w.uint32(/* id 6, wireType 0 =*/48).uint32(m.cores);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && (typeof m.memoryMib === "object" ? m.memoryMib.low || m.memoryMib.high : m.memoryMib !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).uint64(m.memoryMib);
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS") && m.durationS !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).uint32(m.durationS);
                if (m.priceMinorPerCoreSecond != null && $Object.hasOwnProperty.call(m, "priceMinorPerCoreSecond") && (typeof m.priceMinorPerCoreSecond === "object" ? m.priceMinorPerCoreSecond.low || m.priceMinorPerCoreSecond.high : m.priceMinorPerCoreSecond !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).int64(m.priceMinorPerCoreSecond);
                if (m.capabilities != null && m.capabilities.length) {
                    for (var i = 0; i < m.capabilities.length; ++i)
                        w.uint32(/* id 10, wireType 2 =*/82).string(m.capabilities[i]);
                }
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel") && m.securityLevel !== 0)
                    w.uint32(/* id 11, wireType 0 =*/88).uint32(m.securityLevel);
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs") && (typeof m.expiresAtMs === "object" ? m.expiresAtMs.low || m.expiresAtMs.high : m.expiresAtMs !== 0))
                    w.uint32(/* id 12, wireType 0 =*/96).int64(m.expiresAtMs);
                if (m.allOrNone != null && $Object.hasOwnProperty.call(m, "allOrNone") && m.allOrNone !== false)
                    w.uint32(/* id 13, wireType 0 =*/104).bool(m.allOrNone);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an Order message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.Order
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.Order & datanet.v1.Order.$Shape} Order
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Order.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.Order();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.orderId = v;
                            else
                                delete m.orderId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.clientOrderId = v;
                            else
                                delete m.clientOrderId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.participantId = v;
                            else
                                delete m.participantId;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.hubId = v;
                            else
                                delete m.hubId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.side = v;
                            else
                                delete m.side;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cores = v;
                            else
                                delete m.cores;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.durationS = v;
                            else
                                delete m.durationS;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.priceMinorPerCoreSecond = v;
                            else
                                delete m.priceMinorPerCoreSecond;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if (!(m.capabilities && m.capabilities.length))
                                m.capabilities = [];
                            m.capabilities.push(r.stringVerify());
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.securityLevel = v;
                            else
                                delete m.securityLevel;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.expiresAtMs = v;
                            else
                                delete m.expiresAtMs;
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.allOrNone = v;
                            else
                                delete m.allOrNone;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an Order message.
             * @function verify
             * @memberof datanet.v1.Order
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Order.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.orderId != null && $Object.hasOwnProperty.call(m, "orderId")) {
                    if (!$util.isString(m.orderId))
                        return "orderId: string expected";
                }
                if (m.clientOrderId != null && $Object.hasOwnProperty.call(m, "clientOrderId")) {
                    if (!$util.isString(m.clientOrderId))
                        return "clientOrderId: string expected";
                }
                if (m.participantId != null && $Object.hasOwnProperty.call(m, "participantId")) {
                    if (!$util.isString(m.participantId))
                        return "participantId: string expected";
                }
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId")) {
                    if (!$util.isString(m.hubId))
                        return "hubId: string expected";
                }
                if (m.side != null && $Object.hasOwnProperty.call(m, "side")) {
                    if (!$util.isString(m.side))
                        return "side: string expected";
                }
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores")) {
                    if (!$util.isInteger(m.cores))
                        return "cores: integer expected";
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    if (!$util.isInteger(m.memoryMib) && !(m.memoryMib && $util.isInteger(m.memoryMib.low) && $util.isInteger(m.memoryMib.high)))
                        return "memoryMib: integer|Long expected";
                }
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS")) {
                    if (!$util.isInteger(m.durationS))
                        return "durationS: integer expected";
                }
                if (m.priceMinorPerCoreSecond != null && $Object.hasOwnProperty.call(m, "priceMinorPerCoreSecond")) {
                    if (!$util.isInteger(m.priceMinorPerCoreSecond) && !(m.priceMinorPerCoreSecond && $util.isInteger(m.priceMinorPerCoreSecond.low) && $util.isInteger(m.priceMinorPerCoreSecond.high)))
                        return "priceMinorPerCoreSecond: integer|Long expected";
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    if (!$Array.isArray(m.capabilities))
                        return "capabilities: array expected";
                    for (var i = 0; i < m.capabilities.length; ++i) {
                        if (!$util.isString(m.capabilities[i]))
                            return "capabilities: string[] expected";
                    }
                }
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel")) {
                    if (!$util.isInteger(m.securityLevel))
                        return "securityLevel: integer expected";
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (!$util.isInteger(m.expiresAtMs) && !(m.expiresAtMs && $util.isInteger(m.expiresAtMs.low) && $util.isInteger(m.expiresAtMs.high)))
                        return "expiresAtMs: integer|Long expected";
                }
                if (m.allOrNone != null && $Object.hasOwnProperty.call(m, "allOrNone")) {
                    if (typeof m.allOrNone !== "boolean")
                        return "allOrNone: boolean expected";
                }
                return null;
            };

            /**
             * Creates an Order message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.Order
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.Order} Order
             */
            Order.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.Order)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.Order: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.Order();
                if (d.orderId != null) {
                    if (typeof d.orderId !== "string" || d.orderId.length) {
                        m.orderId = $String(d.orderId);
                    }
                }
                if (d.clientOrderId != null) {
                    if (typeof d.clientOrderId !== "string" || d.clientOrderId.length) {
                        m.clientOrderId = $String(d.clientOrderId);
                    }
                }
                if (d.participantId != null) {
                    if (typeof d.participantId !== "string" || d.participantId.length) {
                        m.participantId = $String(d.participantId);
                    }
                }
                if (d.hubId != null) {
                    if (typeof d.hubId !== "string" || d.hubId.length) {
                        m.hubId = $String(d.hubId);
                    }
                }
                if (d.side != null) {
                    if (typeof d.side !== "string" || d.side.length) {
                        m.side = $String(d.side);
                    }
                }
                if (d.cores != null) {
                    if ($Number(d.cores) !== 0) {
                        m.cores = d.cores >>> 0;
                    }
                }
                if (d.memoryMib != null) {
                    if (typeof d.memoryMib === "object" ? d.memoryMib.low || d.memoryMib.high : $Number(d.memoryMib) !== 0) {
                        if ($util.Long)
                            m.memoryMib = $util.Long.fromValue(d.memoryMib, true);
                        else if (typeof d.memoryMib === "string")
                            m.memoryMib = $parseInt(d.memoryMib, 10);
                        else if (typeof d.memoryMib === "number")
                            m.memoryMib = d.memoryMib;
                        else if (typeof d.memoryMib === "object")
                            m.memoryMib = new $util.LongBits(d.memoryMib.low >>> 0, d.memoryMib.high >>> 0).toNumber(true);
                    }
                }
                if (d.durationS != null) {
                    if ($Number(d.durationS) !== 0) {
                        m.durationS = d.durationS >>> 0;
                    }
                }
                if (d.priceMinorPerCoreSecond != null) {
                    if (typeof d.priceMinorPerCoreSecond === "object" ? d.priceMinorPerCoreSecond.low || d.priceMinorPerCoreSecond.high : $Number(d.priceMinorPerCoreSecond) !== 0) {
                        if ($util.Long)
                            m.priceMinorPerCoreSecond = $util.Long.fromValue(d.priceMinorPerCoreSecond, false);
                        else if (typeof d.priceMinorPerCoreSecond === "string")
                            m.priceMinorPerCoreSecond = $parseInt(d.priceMinorPerCoreSecond, 10);
                        else if (typeof d.priceMinorPerCoreSecond === "number")
                            m.priceMinorPerCoreSecond = d.priceMinorPerCoreSecond;
                        else if (typeof d.priceMinorPerCoreSecond === "object")
                            m.priceMinorPerCoreSecond = new $util.LongBits(d.priceMinorPerCoreSecond.low >>> 0, d.priceMinorPerCoreSecond.high >>> 0).toNumber();
                    }
                }
                if (d.capabilities) {
                    if (!$Array.isArray(d.capabilities))
                        throw $TypeError(".datanet.v1.Order.capabilities: array expected");
                    m.capabilities = $Array(d.capabilities.length);
                    for (var i = 0; i < d.capabilities.length; ++i) {
                        m.capabilities[i] = $String(d.capabilities[i]);
                    }
                }
                if (d.securityLevel != null) {
                    if ($Number(d.securityLevel) !== 0) {
                        m.securityLevel = d.securityLevel >>> 0;
                    }
                }
                if (d.expiresAtMs != null) {
                    if (typeof d.expiresAtMs === "object" ? d.expiresAtMs.low || d.expiresAtMs.high : $Number(d.expiresAtMs) !== 0) {
                        if ($util.Long)
                            m.expiresAtMs = $util.Long.fromValue(d.expiresAtMs, false);
                        else if (typeof d.expiresAtMs === "string")
                            m.expiresAtMs = $parseInt(d.expiresAtMs, 10);
                        else if (typeof d.expiresAtMs === "number")
                            m.expiresAtMs = d.expiresAtMs;
                        else if (typeof d.expiresAtMs === "object")
                            m.expiresAtMs = new $util.LongBits(d.expiresAtMs.low >>> 0, d.expiresAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.allOrNone != null) {
                    if (d.allOrNone) {
                        m.allOrNone = $Boolean(d.allOrNone);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Order message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.Order
             * @static
             * @param {datanet.v1.Order} m Order
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Order.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.capabilities = [];
                }
                if (o.defaults) {
                    d.orderId = "";
                    d.clientOrderId = "";
                    d.participantId = "";
                    d.hubId = "";
                    d.side = "";
                    d.cores = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.memoryMib = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.memoryMib = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.durationS = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.priceMinorPerCoreSecond = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.priceMinorPerCoreSecond = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.securityLevel = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.expiresAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.expiresAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.allOrNone = false;
                }
                if (m.orderId != null && $Object.hasOwnProperty.call(m, "orderId")) {
                    d.orderId = m.orderId;
                }
                if (m.clientOrderId != null && $Object.hasOwnProperty.call(m, "clientOrderId")) {
                    d.clientOrderId = m.clientOrderId;
                }
                if (m.participantId != null && $Object.hasOwnProperty.call(m, "participantId")) {
                    d.participantId = m.participantId;
                }
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId")) {
                    d.hubId = m.hubId;
                }
                if (m.side != null && $Object.hasOwnProperty.call(m, "side")) {
                    d.side = m.side;
                }
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores")) {
                    d.cores = m.cores;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.memoryMib = typeof m.memoryMib === "number" ? $BigInt(m.memoryMib) : $util.Long.fromBits(m.memoryMib.low >>> 0, m.memoryMib.high >>> 0, true).toBigInt();
                    else if (typeof m.memoryMib === "number")
                        d.memoryMib = o.longs === $String ? $String(m.memoryMib) : m.memoryMib;
                    else
                        d.memoryMib = o.longs === $String ? $util.Long.prototype.toString.call(m.memoryMib) : o.longs === $Number ? new $util.LongBits(m.memoryMib.low >>> 0, m.memoryMib.high >>> 0).toNumber(true) : m.memoryMib;
                }
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS")) {
                    d.durationS = m.durationS;
                }
                if (m.priceMinorPerCoreSecond != null && $Object.hasOwnProperty.call(m, "priceMinorPerCoreSecond")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.priceMinorPerCoreSecond = typeof m.priceMinorPerCoreSecond === "number" ? $BigInt(m.priceMinorPerCoreSecond) : $util.Long.fromBits(m.priceMinorPerCoreSecond.low >>> 0, m.priceMinorPerCoreSecond.high >>> 0, false).toBigInt();
                    else if (typeof m.priceMinorPerCoreSecond === "number")
                        d.priceMinorPerCoreSecond = o.longs === $String ? $String(m.priceMinorPerCoreSecond) : m.priceMinorPerCoreSecond;
                    else
                        d.priceMinorPerCoreSecond = o.longs === $String ? $util.Long.prototype.toString.call(m.priceMinorPerCoreSecond) : o.longs === $Number ? new $util.LongBits(m.priceMinorPerCoreSecond.low >>> 0, m.priceMinorPerCoreSecond.high >>> 0).toNumber() : m.priceMinorPerCoreSecond;
                }
                if (m.capabilities && m.capabilities.length) {
                    d.capabilities = $Array(m.capabilities.length);
                    for (var j = 0; j < m.capabilities.length; ++j) {
                        d.capabilities[j] = m.capabilities[j];
                    }
                }
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel")) {
                    d.securityLevel = m.securityLevel;
                }
                if (m.expiresAtMs != null && $Object.hasOwnProperty.call(m, "expiresAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.expiresAtMs = typeof m.expiresAtMs === "number" ? $BigInt(m.expiresAtMs) : $util.Long.fromBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.expiresAtMs === "number")
                        d.expiresAtMs = o.longs === $String ? $String(m.expiresAtMs) : m.expiresAtMs;
                    else
                        d.expiresAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.expiresAtMs) : o.longs === $Number ? new $util.LongBits(m.expiresAtMs.low >>> 0, m.expiresAtMs.high >>> 0).toNumber() : m.expiresAtMs;
                }
                if (m.allOrNone != null && $Object.hasOwnProperty.call(m, "allOrNone")) {
                    d.allOrNone = m.allOrNone;
                }
                return d;
            };

            /**
             * Converts this Order to JSON.
             * @function toJSON
             * @memberof datanet.v1.Order
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Order.prototype.toJSON = function() {
                return Order.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Order
             * @function getTypeUrl
             * @memberof datanet.v1.Order
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Order.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.Order";
            };

            return Order;
        })();

        v1.LeaseTerms = (function() {

            /**
             * Properties of a LeaseTerms.
             * @typedef {Object} datanet.v1.LeaseTerms.$Properties
             * @property {string|null} [leaseId] LeaseTerms leaseId
             * @property {string|null} [lessee] LeaseTerms lessee
             * @property {string|null} [lessor] LeaseTerms lessor
             * @property {string|null} [lesseeHub] LeaseTerms lesseeHub
             * @property {string|null} [lessorHub] LeaseTerms lessorHub
             * @property {string|null} [buyOrderId] LeaseTerms buyOrderId
             * @property {string|null} [sellOrderId] LeaseTerms sellOrderId
             * @property {number|null} [cores] LeaseTerms cores
             * @property {number|Long|null} [memoryMib] LeaseTerms memoryMib
             * @property {number|null} [durationS] LeaseTerms durationS
             * @property {number|Long|null} [priceMinorPerCoreSecond] LeaseTerms priceMinorPerCoreSecond
             * @property {number|Long|null} [startMs] LeaseTerms startMs
             * @property {number|Long|null} [endMs] LeaseTerms endMs
             * @property {Array.<string>|null} [capabilities] LeaseTerms capabilities
             * @property {number|null} [securityLevel] LeaseTerms securityLevel
             * @property {number|Long|null} [maxCostMinor] LeaseTerms maxCostMinor
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LeaseTerms.
             * @memberof datanet.v1
             * @interface ILeaseTerms
             * @augments datanet.v1.LeaseTerms.$Properties
             * @deprecated Use datanet.v1.LeaseTerms.$Properties instead.
             */

            /**
             * Shape of a LeaseTerms.
             * @typedef {datanet.v1.LeaseTerms.$Properties} datanet.v1.LeaseTerms.$Shape
             */

            /**
             * Constructs a new LeaseTerms.
             * @memberof datanet.v1
             * @classdesc Represents a LeaseTerms.
             * @constructor
             * @param {datanet.v1.LeaseTerms.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LeaseTerms = function (p) {
                this.capabilities = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LeaseTerms leaseId.
             * @member {string} leaseId
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.leaseId = "";

            /**
             * LeaseTerms lessee.
             * @member {string} lessee
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.lessee = "";

            /**
             * LeaseTerms lessor.
             * @member {string} lessor
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.lessor = "";

            /**
             * LeaseTerms lesseeHub.
             * @member {string} lesseeHub
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.lesseeHub = "";

            /**
             * LeaseTerms lessorHub.
             * @member {string} lessorHub
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.lessorHub = "";

            /**
             * LeaseTerms buyOrderId.
             * @member {string} buyOrderId
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.buyOrderId = "";

            /**
             * LeaseTerms sellOrderId.
             * @member {string} sellOrderId
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.sellOrderId = "";

            /**
             * LeaseTerms cores.
             * @member {number} cores
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.cores = 0;

            /**
             * LeaseTerms memoryMib.
             * @member {number|Long} memoryMib
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.memoryMib = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LeaseTerms durationS.
             * @member {number} durationS
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.durationS = 0;

            /**
             * LeaseTerms priceMinorPerCoreSecond.
             * @member {number|Long} priceMinorPerCoreSecond
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.priceMinorPerCoreSecond = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LeaseTerms startMs.
             * @member {number|Long} startMs
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.startMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LeaseTerms endMs.
             * @member {number|Long} endMs
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.endMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * LeaseTerms capabilities.
             * @member {Array.<string>} capabilities
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.capabilities = $util.emptyArray;

            /**
             * LeaseTerms securityLevel.
             * @member {number} securityLevel
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.securityLevel = 0;

            /**
             * LeaseTerms maxCostMinor.
             * @member {number|Long} maxCostMinor
             * @memberof datanet.v1.LeaseTerms
             * @instance
             */
            LeaseTerms.prototype.maxCostMinor = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new LeaseTerms instance using the specified properties.
             * @function create
             * @memberof datanet.v1.LeaseTerms
             * @static
             * @param {datanet.v1.LeaseTerms.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.LeaseTerms} LeaseTerms instance
             * @type {{
             *   (properties: datanet.v1.LeaseTerms.$Shape): datanet.v1.LeaseTerms & datanet.v1.LeaseTerms.$Shape;
             *   (properties?: datanet.v1.LeaseTerms.$Properties): datanet.v1.LeaseTerms;
             * }}
             */
            LeaseTerms.create = function(properties) {
                return new LeaseTerms(properties);
            };

            /**
             * Encodes the specified LeaseTerms message. Does not implicitly {@link datanet.v1.LeaseTerms.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.LeaseTerms
             * @static
             * @param {datanet.v1.LeaseTerms.$Properties} m LeaseTerms message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaseTerms.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId") && m.leaseId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.leaseId);
                if (m.lessee != null && $Object.hasOwnProperty.call(m, "lessee") && m.lessee !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.lessee);
                if (m.lessor != null && $Object.hasOwnProperty.call(m, "lessor") && m.lessor !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.lessor);
                if (m.lesseeHub != null && $Object.hasOwnProperty.call(m, "lesseeHub") && m.lesseeHub !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.lesseeHub);
                if (m.lessorHub != null && $Object.hasOwnProperty.call(m, "lessorHub") && m.lessorHub !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.lessorHub);
                if (m.buyOrderId != null && $Object.hasOwnProperty.call(m, "buyOrderId") && m.buyOrderId !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.buyOrderId);
                if (m.sellOrderId != null && $Object.hasOwnProperty.call(m, "sellOrderId") && m.sellOrderId !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.sellOrderId);
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores") && m.cores !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).uint32(m.cores);
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib") && (typeof m.memoryMib === "object" ? m.memoryMib.low || m.memoryMib.high : m.memoryMib !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).uint64(m.memoryMib);
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS") && m.durationS !== 0)
                    w.uint32(/* id 10, wireType 0 =*/80).uint32(m.durationS);
                if (m.priceMinorPerCoreSecond != null && $Object.hasOwnProperty.call(m, "priceMinorPerCoreSecond") && (typeof m.priceMinorPerCoreSecond === "object" ? m.priceMinorPerCoreSecond.low || m.priceMinorPerCoreSecond.high : m.priceMinorPerCoreSecond !== 0))
                    w.uint32(/* id 11, wireType 0 =*/88).int64(m.priceMinorPerCoreSecond);
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs") && (typeof m.startMs === "object" ? m.startMs.low || m.startMs.high : m.startMs !== 0))
                    w.uint32(/* id 12, wireType 0 =*/96).int64(m.startMs);
                if (m.endMs != null && $Object.hasOwnProperty.call(m, "endMs") && (typeof m.endMs === "object" ? m.endMs.low || m.endMs.high : m.endMs !== 0))
                    w.uint32(/* id 13, wireType 0 =*/104).int64(m.endMs);
                if (m.capabilities != null && m.capabilities.length) {
                    for (var i = 0; i < m.capabilities.length; ++i)
                        w.uint32(/* id 14, wireType 2 =*/114).string(m.capabilities[i]);
                }
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel") && m.securityLevel !== 0)
                    w.uint32(/* id 15, wireType 0 =*/120).uint32(m.securityLevel);
                if (m.maxCostMinor != null && $Object.hasOwnProperty.call(m, "maxCostMinor") && (typeof m.maxCostMinor === "object" ? m.maxCostMinor.low || m.maxCostMinor.high : m.maxCostMinor !== 0))
                    w.uint32(/* id 16, wireType 0 =*/128).int64(m.maxCostMinor);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a LeaseTerms message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.LeaseTerms
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.LeaseTerms & datanet.v1.LeaseTerms.$Shape} LeaseTerms
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaseTerms.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.LeaseTerms();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.leaseId = v;
                            else
                                delete m.leaseId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lessee = v;
                            else
                                delete m.lessee;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lessor = v;
                            else
                                delete m.lessor;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lesseeHub = v;
                            else
                                delete m.lesseeHub;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.lessorHub = v;
                            else
                                delete m.lessorHub;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.buyOrderId = v;
                            else
                                delete m.buyOrderId;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.sellOrderId = v;
                            else
                                delete m.sellOrderId;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.cores = v;
                            else
                                delete m.cores;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.memoryMib = v;
                            else
                                delete m.memoryMib;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.durationS = v;
                            else
                                delete m.durationS;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.priceMinorPerCoreSecond = v;
                            else
                                delete m.priceMinorPerCoreSecond;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.startMs = v;
                            else
                                delete m.startMs;
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.endMs = v;
                            else
                                delete m.endMs;
                            continue;
                        }
                    case 14: {
                            if (u !== 2)
                                break;
                            if (!(m.capabilities && m.capabilities.length))
                                m.capabilities = [];
                            m.capabilities.push(r.stringVerify());
                            continue;
                        }
                    case 15: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.securityLevel = v;
                            else
                                delete m.securityLevel;
                            continue;
                        }
                    case 16: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.maxCostMinor = v;
                            else
                                delete m.maxCostMinor;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a LeaseTerms message.
             * @function verify
             * @memberof datanet.v1.LeaseTerms
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LeaseTerms.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId")) {
                    if (!$util.isString(m.leaseId))
                        return "leaseId: string expected";
                }
                if (m.lessee != null && $Object.hasOwnProperty.call(m, "lessee")) {
                    if (!$util.isString(m.lessee))
                        return "lessee: string expected";
                }
                if (m.lessor != null && $Object.hasOwnProperty.call(m, "lessor")) {
                    if (!$util.isString(m.lessor))
                        return "lessor: string expected";
                }
                if (m.lesseeHub != null && $Object.hasOwnProperty.call(m, "lesseeHub")) {
                    if (!$util.isString(m.lesseeHub))
                        return "lesseeHub: string expected";
                }
                if (m.lessorHub != null && $Object.hasOwnProperty.call(m, "lessorHub")) {
                    if (!$util.isString(m.lessorHub))
                        return "lessorHub: string expected";
                }
                if (m.buyOrderId != null && $Object.hasOwnProperty.call(m, "buyOrderId")) {
                    if (!$util.isString(m.buyOrderId))
                        return "buyOrderId: string expected";
                }
                if (m.sellOrderId != null && $Object.hasOwnProperty.call(m, "sellOrderId")) {
                    if (!$util.isString(m.sellOrderId))
                        return "sellOrderId: string expected";
                }
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores")) {
                    if (!$util.isInteger(m.cores))
                        return "cores: integer expected";
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    if (!$util.isInteger(m.memoryMib) && !(m.memoryMib && $util.isInteger(m.memoryMib.low) && $util.isInteger(m.memoryMib.high)))
                        return "memoryMib: integer|Long expected";
                }
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS")) {
                    if (!$util.isInteger(m.durationS))
                        return "durationS: integer expected";
                }
                if (m.priceMinorPerCoreSecond != null && $Object.hasOwnProperty.call(m, "priceMinorPerCoreSecond")) {
                    if (!$util.isInteger(m.priceMinorPerCoreSecond) && !(m.priceMinorPerCoreSecond && $util.isInteger(m.priceMinorPerCoreSecond.low) && $util.isInteger(m.priceMinorPerCoreSecond.high)))
                        return "priceMinorPerCoreSecond: integer|Long expected";
                }
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs")) {
                    if (!$util.isInteger(m.startMs) && !(m.startMs && $util.isInteger(m.startMs.low) && $util.isInteger(m.startMs.high)))
                        return "startMs: integer|Long expected";
                }
                if (m.endMs != null && $Object.hasOwnProperty.call(m, "endMs")) {
                    if (!$util.isInteger(m.endMs) && !(m.endMs && $util.isInteger(m.endMs.low) && $util.isInteger(m.endMs.high)))
                        return "endMs: integer|Long expected";
                }
                if (m.capabilities != null && $Object.hasOwnProperty.call(m, "capabilities")) {
                    if (!$Array.isArray(m.capabilities))
                        return "capabilities: array expected";
                    for (var i = 0; i < m.capabilities.length; ++i) {
                        if (!$util.isString(m.capabilities[i]))
                            return "capabilities: string[] expected";
                    }
                }
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel")) {
                    if (!$util.isInteger(m.securityLevel))
                        return "securityLevel: integer expected";
                }
                if (m.maxCostMinor != null && $Object.hasOwnProperty.call(m, "maxCostMinor")) {
                    if (!$util.isInteger(m.maxCostMinor) && !(m.maxCostMinor && $util.isInteger(m.maxCostMinor.low) && $util.isInteger(m.maxCostMinor.high)))
                        return "maxCostMinor: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a LeaseTerms message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.LeaseTerms
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.LeaseTerms} LeaseTerms
             */
            LeaseTerms.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.LeaseTerms)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.LeaseTerms: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.LeaseTerms();
                if (d.leaseId != null) {
                    if (typeof d.leaseId !== "string" || d.leaseId.length) {
                        m.leaseId = $String(d.leaseId);
                    }
                }
                if (d.lessee != null) {
                    if (typeof d.lessee !== "string" || d.lessee.length) {
                        m.lessee = $String(d.lessee);
                    }
                }
                if (d.lessor != null) {
                    if (typeof d.lessor !== "string" || d.lessor.length) {
                        m.lessor = $String(d.lessor);
                    }
                }
                if (d.lesseeHub != null) {
                    if (typeof d.lesseeHub !== "string" || d.lesseeHub.length) {
                        m.lesseeHub = $String(d.lesseeHub);
                    }
                }
                if (d.lessorHub != null) {
                    if (typeof d.lessorHub !== "string" || d.lessorHub.length) {
                        m.lessorHub = $String(d.lessorHub);
                    }
                }
                if (d.buyOrderId != null) {
                    if (typeof d.buyOrderId !== "string" || d.buyOrderId.length) {
                        m.buyOrderId = $String(d.buyOrderId);
                    }
                }
                if (d.sellOrderId != null) {
                    if (typeof d.sellOrderId !== "string" || d.sellOrderId.length) {
                        m.sellOrderId = $String(d.sellOrderId);
                    }
                }
                if (d.cores != null) {
                    if ($Number(d.cores) !== 0) {
                        m.cores = d.cores >>> 0;
                    }
                }
                if (d.memoryMib != null) {
                    if (typeof d.memoryMib === "object" ? d.memoryMib.low || d.memoryMib.high : $Number(d.memoryMib) !== 0) {
                        if ($util.Long)
                            m.memoryMib = $util.Long.fromValue(d.memoryMib, true);
                        else if (typeof d.memoryMib === "string")
                            m.memoryMib = $parseInt(d.memoryMib, 10);
                        else if (typeof d.memoryMib === "number")
                            m.memoryMib = d.memoryMib;
                        else if (typeof d.memoryMib === "object")
                            m.memoryMib = new $util.LongBits(d.memoryMib.low >>> 0, d.memoryMib.high >>> 0).toNumber(true);
                    }
                }
                if (d.durationS != null) {
                    if ($Number(d.durationS) !== 0) {
                        m.durationS = d.durationS >>> 0;
                    }
                }
                if (d.priceMinorPerCoreSecond != null) {
                    if (typeof d.priceMinorPerCoreSecond === "object" ? d.priceMinorPerCoreSecond.low || d.priceMinorPerCoreSecond.high : $Number(d.priceMinorPerCoreSecond) !== 0) {
                        if ($util.Long)
                            m.priceMinorPerCoreSecond = $util.Long.fromValue(d.priceMinorPerCoreSecond, false);
                        else if (typeof d.priceMinorPerCoreSecond === "string")
                            m.priceMinorPerCoreSecond = $parseInt(d.priceMinorPerCoreSecond, 10);
                        else if (typeof d.priceMinorPerCoreSecond === "number")
                            m.priceMinorPerCoreSecond = d.priceMinorPerCoreSecond;
                        else if (typeof d.priceMinorPerCoreSecond === "object")
                            m.priceMinorPerCoreSecond = new $util.LongBits(d.priceMinorPerCoreSecond.low >>> 0, d.priceMinorPerCoreSecond.high >>> 0).toNumber();
                    }
                }
                if (d.startMs != null) {
                    if (typeof d.startMs === "object" ? d.startMs.low || d.startMs.high : $Number(d.startMs) !== 0) {
                        if ($util.Long)
                            m.startMs = $util.Long.fromValue(d.startMs, false);
                        else if (typeof d.startMs === "string")
                            m.startMs = $parseInt(d.startMs, 10);
                        else if (typeof d.startMs === "number")
                            m.startMs = d.startMs;
                        else if (typeof d.startMs === "object")
                            m.startMs = new $util.LongBits(d.startMs.low >>> 0, d.startMs.high >>> 0).toNumber();
                    }
                }
                if (d.endMs != null) {
                    if (typeof d.endMs === "object" ? d.endMs.low || d.endMs.high : $Number(d.endMs) !== 0) {
                        if ($util.Long)
                            m.endMs = $util.Long.fromValue(d.endMs, false);
                        else if (typeof d.endMs === "string")
                            m.endMs = $parseInt(d.endMs, 10);
                        else if (typeof d.endMs === "number")
                            m.endMs = d.endMs;
                        else if (typeof d.endMs === "object")
                            m.endMs = new $util.LongBits(d.endMs.low >>> 0, d.endMs.high >>> 0).toNumber();
                    }
                }
                if (d.capabilities) {
                    if (!$Array.isArray(d.capabilities))
                        throw $TypeError(".datanet.v1.LeaseTerms.capabilities: array expected");
                    m.capabilities = $Array(d.capabilities.length);
                    for (var i = 0; i < d.capabilities.length; ++i) {
                        m.capabilities[i] = $String(d.capabilities[i]);
                    }
                }
                if (d.securityLevel != null) {
                    if ($Number(d.securityLevel) !== 0) {
                        m.securityLevel = d.securityLevel >>> 0;
                    }
                }
                if (d.maxCostMinor != null) {
                    if (typeof d.maxCostMinor === "object" ? d.maxCostMinor.low || d.maxCostMinor.high : $Number(d.maxCostMinor) !== 0) {
                        if ($util.Long)
                            m.maxCostMinor = $util.Long.fromValue(d.maxCostMinor, false);
                        else if (typeof d.maxCostMinor === "string")
                            m.maxCostMinor = $parseInt(d.maxCostMinor, 10);
                        else if (typeof d.maxCostMinor === "number")
                            m.maxCostMinor = d.maxCostMinor;
                        else if (typeof d.maxCostMinor === "object")
                            m.maxCostMinor = new $util.LongBits(d.maxCostMinor.low >>> 0, d.maxCostMinor.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a LeaseTerms message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.LeaseTerms
             * @static
             * @param {datanet.v1.LeaseTerms} m LeaseTerms
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LeaseTerms.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.capabilities = [];
                }
                if (o.defaults) {
                    d.leaseId = "";
                    d.lessee = "";
                    d.lessor = "";
                    d.lesseeHub = "";
                    d.lessorHub = "";
                    d.buyOrderId = "";
                    d.sellOrderId = "";
                    d.cores = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.memoryMib = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.memoryMib = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.durationS = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.priceMinorPerCoreSecond = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.priceMinorPerCoreSecond = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.startMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.startMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.endMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.endMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.securityLevel = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.maxCostMinor = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.maxCostMinor = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.leaseId != null && $Object.hasOwnProperty.call(m, "leaseId")) {
                    d.leaseId = m.leaseId;
                }
                if (m.lessee != null && $Object.hasOwnProperty.call(m, "lessee")) {
                    d.lessee = m.lessee;
                }
                if (m.lessor != null && $Object.hasOwnProperty.call(m, "lessor")) {
                    d.lessor = m.lessor;
                }
                if (m.lesseeHub != null && $Object.hasOwnProperty.call(m, "lesseeHub")) {
                    d.lesseeHub = m.lesseeHub;
                }
                if (m.lessorHub != null && $Object.hasOwnProperty.call(m, "lessorHub")) {
                    d.lessorHub = m.lessorHub;
                }
                if (m.buyOrderId != null && $Object.hasOwnProperty.call(m, "buyOrderId")) {
                    d.buyOrderId = m.buyOrderId;
                }
                if (m.sellOrderId != null && $Object.hasOwnProperty.call(m, "sellOrderId")) {
                    d.sellOrderId = m.sellOrderId;
                }
                if (m.cores != null && $Object.hasOwnProperty.call(m, "cores")) {
                    d.cores = m.cores;
                }
                if (m.memoryMib != null && $Object.hasOwnProperty.call(m, "memoryMib")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.memoryMib = typeof m.memoryMib === "number" ? $BigInt(m.memoryMib) : $util.Long.fromBits(m.memoryMib.low >>> 0, m.memoryMib.high >>> 0, true).toBigInt();
                    else if (typeof m.memoryMib === "number")
                        d.memoryMib = o.longs === $String ? $String(m.memoryMib) : m.memoryMib;
                    else
                        d.memoryMib = o.longs === $String ? $util.Long.prototype.toString.call(m.memoryMib) : o.longs === $Number ? new $util.LongBits(m.memoryMib.low >>> 0, m.memoryMib.high >>> 0).toNumber(true) : m.memoryMib;
                }
                if (m.durationS != null && $Object.hasOwnProperty.call(m, "durationS")) {
                    d.durationS = m.durationS;
                }
                if (m.priceMinorPerCoreSecond != null && $Object.hasOwnProperty.call(m, "priceMinorPerCoreSecond")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.priceMinorPerCoreSecond = typeof m.priceMinorPerCoreSecond === "number" ? $BigInt(m.priceMinorPerCoreSecond) : $util.Long.fromBits(m.priceMinorPerCoreSecond.low >>> 0, m.priceMinorPerCoreSecond.high >>> 0, false).toBigInt();
                    else if (typeof m.priceMinorPerCoreSecond === "number")
                        d.priceMinorPerCoreSecond = o.longs === $String ? $String(m.priceMinorPerCoreSecond) : m.priceMinorPerCoreSecond;
                    else
                        d.priceMinorPerCoreSecond = o.longs === $String ? $util.Long.prototype.toString.call(m.priceMinorPerCoreSecond) : o.longs === $Number ? new $util.LongBits(m.priceMinorPerCoreSecond.low >>> 0, m.priceMinorPerCoreSecond.high >>> 0).toNumber() : m.priceMinorPerCoreSecond;
                }
                if (m.startMs != null && $Object.hasOwnProperty.call(m, "startMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.startMs = typeof m.startMs === "number" ? $BigInt(m.startMs) : $util.Long.fromBits(m.startMs.low >>> 0, m.startMs.high >>> 0, false).toBigInt();
                    else if (typeof m.startMs === "number")
                        d.startMs = o.longs === $String ? $String(m.startMs) : m.startMs;
                    else
                        d.startMs = o.longs === $String ? $util.Long.prototype.toString.call(m.startMs) : o.longs === $Number ? new $util.LongBits(m.startMs.low >>> 0, m.startMs.high >>> 0).toNumber() : m.startMs;
                }
                if (m.endMs != null && $Object.hasOwnProperty.call(m, "endMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.endMs = typeof m.endMs === "number" ? $BigInt(m.endMs) : $util.Long.fromBits(m.endMs.low >>> 0, m.endMs.high >>> 0, false).toBigInt();
                    else if (typeof m.endMs === "number")
                        d.endMs = o.longs === $String ? $String(m.endMs) : m.endMs;
                    else
                        d.endMs = o.longs === $String ? $util.Long.prototype.toString.call(m.endMs) : o.longs === $Number ? new $util.LongBits(m.endMs.low >>> 0, m.endMs.high >>> 0).toNumber() : m.endMs;
                }
                if (m.capabilities && m.capabilities.length) {
                    d.capabilities = $Array(m.capabilities.length);
                    for (var j = 0; j < m.capabilities.length; ++j) {
                        d.capabilities[j] = m.capabilities[j];
                    }
                }
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel")) {
                    d.securityLevel = m.securityLevel;
                }
                if (m.maxCostMinor != null && $Object.hasOwnProperty.call(m, "maxCostMinor")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.maxCostMinor = typeof m.maxCostMinor === "number" ? $BigInt(m.maxCostMinor) : $util.Long.fromBits(m.maxCostMinor.low >>> 0, m.maxCostMinor.high >>> 0, false).toBigInt();
                    else if (typeof m.maxCostMinor === "number")
                        d.maxCostMinor = o.longs === $String ? $String(m.maxCostMinor) : m.maxCostMinor;
                    else
                        d.maxCostMinor = o.longs === $String ? $util.Long.prototype.toString.call(m.maxCostMinor) : o.longs === $Number ? new $util.LongBits(m.maxCostMinor.low >>> 0, m.maxCostMinor.high >>> 0).toNumber() : m.maxCostMinor;
                }
                return d;
            };

            /**
             * Converts this LeaseTerms to JSON.
             * @function toJSON
             * @memberof datanet.v1.LeaseTerms
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LeaseTerms.prototype.toJSON = function() {
                return LeaseTerms.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LeaseTerms
             * @function getTypeUrl
             * @memberof datanet.v1.LeaseTerms
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LeaseTerms.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.LeaseTerms";
            };

            return LeaseTerms;
        })();

        v1.HubSignature = (function() {

            /**
             * Properties of a HubSignature.
             * @typedef {Object} datanet.v1.HubSignature.$Properties
             * @property {string|null} [hubId] HubSignature hubId
             * @property {Uint8Array|null} [signature] HubSignature signature
             * @property {Uint8Array|null} [hubCert] HubSignature hubCert
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a HubSignature.
             * @memberof datanet.v1
             * @interface IHubSignature
             * @augments datanet.v1.HubSignature.$Properties
             * @deprecated Use datanet.v1.HubSignature.$Properties instead.
             */

            /**
             * Shape of a HubSignature.
             * @typedef {datanet.v1.HubSignature.$Properties} datanet.v1.HubSignature.$Shape
             */

            /**
             * Constructs a new HubSignature.
             * @memberof datanet.v1
             * @classdesc Represents a HubSignature.
             * @constructor
             * @param {datanet.v1.HubSignature.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const HubSignature = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * HubSignature hubId.
             * @member {string} hubId
             * @memberof datanet.v1.HubSignature
             * @instance
             */
            HubSignature.prototype.hubId = "";

            /**
             * HubSignature signature.
             * @member {Uint8Array} signature
             * @memberof datanet.v1.HubSignature
             * @instance
             */
            HubSignature.prototype.signature = $util.newBuffer([]);

            /**
             * HubSignature hubCert.
             * @member {Uint8Array} hubCert
             * @memberof datanet.v1.HubSignature
             * @instance
             */
            HubSignature.prototype.hubCert = $util.newBuffer([]);

            /**
             * Creates a new HubSignature instance using the specified properties.
             * @function create
             * @memberof datanet.v1.HubSignature
             * @static
             * @param {datanet.v1.HubSignature.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.HubSignature} HubSignature instance
             * @type {{
             *   (properties: datanet.v1.HubSignature.$Shape): datanet.v1.HubSignature & datanet.v1.HubSignature.$Shape;
             *   (properties?: datanet.v1.HubSignature.$Properties): datanet.v1.HubSignature;
             * }}
             */
            HubSignature.create = function(properties) {
                return new HubSignature(properties);
            };

            /**
             * Encodes the specified HubSignature message. Does not implicitly {@link datanet.v1.HubSignature.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.HubSignature
             * @static
             * @param {datanet.v1.HubSignature.$Properties} m HubSignature message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HubSignature.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId") && m.hubId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.hubId);
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature") && m.signature.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.signature);
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert") && m.hubCert.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.hubCert);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a HubSignature message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.HubSignature
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.HubSignature & datanet.v1.HubSignature.$Shape} HubSignature
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HubSignature.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.HubSignature();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.hubId = v;
                            else
                                delete m.hubId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signature = v;
                            else
                                delete m.signature;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.hubCert = v;
                            else
                                delete m.hubCert;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a HubSignature message.
             * @function verify
             * @memberof datanet.v1.HubSignature
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            HubSignature.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId")) {
                    if (!$util.isString(m.hubId))
                        return "hubId: string expected";
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    if (!(m.signature && typeof m.signature.length === "number" || $util.isString(m.signature)))
                        return "signature: buffer expected";
                }
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert")) {
                    if (!(m.hubCert && typeof m.hubCert.length === "number" || $util.isString(m.hubCert)))
                        return "hubCert: buffer expected";
                }
                return null;
            };

            /**
             * Creates a HubSignature message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.HubSignature
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.HubSignature} HubSignature
             */
            HubSignature.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.HubSignature)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.HubSignature: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.HubSignature();
                if (d.hubId != null) {
                    if (typeof d.hubId !== "string" || d.hubId.length) {
                        m.hubId = $String(d.hubId);
                    }
                }
                if (d.signature != null) {
                    if (d.signature.length) {
                        if (typeof d.signature === "string")
                            $util.base64.decode(d.signature, m.signature = $util.newBuffer($util.base64.length(d.signature)), 0);
                        else if (d.signature.length >= 0)
                            m.signature = d.signature;
                    }
                }
                if (d.hubCert != null) {
                    if (d.hubCert.length) {
                        if (typeof d.hubCert === "string")
                            $util.base64.decode(d.hubCert, m.hubCert = $util.newBuffer($util.base64.length(d.hubCert)), 0);
                        else if (d.hubCert.length >= 0)
                            m.hubCert = d.hubCert;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a HubSignature message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.HubSignature
             * @static
             * @param {datanet.v1.HubSignature} m HubSignature
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HubSignature.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.hubId = "";
                    if (o.bytes === $String)
                        d.signature = "";
                    else {
                        d.signature = [];
                        if (o.bytes !== $Array)
                            d.signature = $util.newBuffer(d.signature);
                    }
                    if (o.bytes === $String)
                        d.hubCert = "";
                    else {
                        d.hubCert = [];
                        if (o.bytes !== $Array)
                            d.hubCert = $util.newBuffer(d.hubCert);
                    }
                }
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId")) {
                    d.hubId = m.hubId;
                }
                if (m.signature != null && $Object.hasOwnProperty.call(m, "signature")) {
                    d.signature = o.bytes === $String ? $util.base64.encode(m.signature, 0, m.signature.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signature) : m.signature;
                }
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert")) {
                    d.hubCert = o.bytes === $String ? $util.base64.encode(m.hubCert, 0, m.hubCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.hubCert) : m.hubCert;
                }
                return d;
            };

            /**
             * Converts this HubSignature to JSON.
             * @function toJSON
             * @memberof datanet.v1.HubSignature
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HubSignature.prototype.toJSON = function() {
                return HubSignature.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for HubSignature
             * @function getTypeUrl
             * @memberof datanet.v1.HubSignature
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            HubSignature.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.HubSignature";
            };

            return HubSignature;
        })();

        v1.LeaseContract = (function() {

            /**
             * Properties of a LeaseContract.
             * @typedef {Object} datanet.v1.LeaseContract.$Properties
             * @property {Uint8Array|null} [terms] LeaseContract terms
             * @property {Array.<datanet.v1.HubSignature.$Properties>|null} [signatures] LeaseContract signatures
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LeaseContract.
             * @memberof datanet.v1
             * @interface ILeaseContract
             * @augments datanet.v1.LeaseContract.$Properties
             * @deprecated Use datanet.v1.LeaseContract.$Properties instead.
             */

            /**
             * Shape of a LeaseContract.
             * @typedef {datanet.v1.LeaseContract.$Properties} datanet.v1.LeaseContract.$Shape
             */

            /**
             * Constructs a new LeaseContract.
             * @memberof datanet.v1
             * @classdesc Represents a LeaseContract.
             * @constructor
             * @param {datanet.v1.LeaseContract.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LeaseContract = function (p) {
                this.signatures = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * LeaseContract terms.
             * @member {Uint8Array} terms
             * @memberof datanet.v1.LeaseContract
             * @instance
             */
            LeaseContract.prototype.terms = $util.newBuffer([]);

            /**
             * LeaseContract signatures.
             * @member {Array.<datanet.v1.HubSignature.$Properties>} signatures
             * @memberof datanet.v1.LeaseContract
             * @instance
             */
            LeaseContract.prototype.signatures = $util.emptyArray;

            /**
             * Creates a new LeaseContract instance using the specified properties.
             * @function create
             * @memberof datanet.v1.LeaseContract
             * @static
             * @param {datanet.v1.LeaseContract.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.LeaseContract} LeaseContract instance
             * @type {{
             *   (properties: datanet.v1.LeaseContract.$Shape): datanet.v1.LeaseContract & datanet.v1.LeaseContract.$Shape;
             *   (properties?: datanet.v1.LeaseContract.$Properties): datanet.v1.LeaseContract;
             * }}
             */
            LeaseContract.create = function(properties) {
                return new LeaseContract(properties);
            };

            /**
             * Encodes the specified LeaseContract message. Does not implicitly {@link datanet.v1.LeaseContract.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.LeaseContract
             * @static
             * @param {datanet.v1.LeaseContract.$Properties} m LeaseContract message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LeaseContract.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.terms != null && $Object.hasOwnProperty.call(m, "terms") && m.terms.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.terms);
                if (m.signatures != null && m.signatures.length) {
                    for (var i = 0; i < m.signatures.length; ++i)
                        $root.datanet.v1.HubSignature.encode(m.signatures[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a LeaseContract message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.LeaseContract
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.LeaseContract & datanet.v1.LeaseContract.$Shape} LeaseContract
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LeaseContract.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.LeaseContract();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.terms = v;
                            else
                                delete m.terms;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if (!(m.signatures && m.signatures.length))
                                m.signatures = [];
                            m.signatures.push($root.datanet.v1.HubSignature.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a LeaseContract message.
             * @function verify
             * @memberof datanet.v1.LeaseContract
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LeaseContract.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.terms != null && $Object.hasOwnProperty.call(m, "terms")) {
                    if (!(m.terms && typeof m.terms.length === "number" || $util.isString(m.terms)))
                        return "terms: buffer expected";
                }
                if (m.signatures != null && $Object.hasOwnProperty.call(m, "signatures")) {
                    if (!$Array.isArray(m.signatures))
                        return "signatures: array expected";
                    for (var i = 0; i < m.signatures.length; ++i) {
                        {
                            var e = $root.datanet.v1.HubSignature.verify(m.signatures[i], q + 1);
                            if (e)
                                return "signatures." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a LeaseContract message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.LeaseContract
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.LeaseContract} LeaseContract
             */
            LeaseContract.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.LeaseContract)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.LeaseContract: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.LeaseContract();
                if (d.terms != null) {
                    if (d.terms.length) {
                        if (typeof d.terms === "string")
                            $util.base64.decode(d.terms, m.terms = $util.newBuffer($util.base64.length(d.terms)), 0);
                        else if (d.terms.length >= 0)
                            m.terms = d.terms;
                    }
                }
                if (d.signatures) {
                    if (!$Array.isArray(d.signatures))
                        throw $TypeError(".datanet.v1.LeaseContract.signatures: array expected");
                    m.signatures = $Array(d.signatures.length);
                    for (var i = 0; i < d.signatures.length; ++i) {
                        if (!$util.isObject(d.signatures[i]))
                            throw $TypeError(".datanet.v1.LeaseContract.signatures: object expected");
                        m.signatures[i] = $root.datanet.v1.HubSignature.fromObject(d.signatures[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a LeaseContract message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.LeaseContract
             * @static
             * @param {datanet.v1.LeaseContract} m LeaseContract
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LeaseContract.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.signatures = [];
                }
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.terms = "";
                    else {
                        d.terms = [];
                        if (o.bytes !== $Array)
                            d.terms = $util.newBuffer(d.terms);
                    }
                }
                if (m.terms != null && $Object.hasOwnProperty.call(m, "terms")) {
                    d.terms = o.bytes === $String ? $util.base64.encode(m.terms, 0, m.terms.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.terms) : m.terms;
                }
                if (m.signatures && m.signatures.length) {
                    d.signatures = $Array(m.signatures.length);
                    for (var j = 0; j < m.signatures.length; ++j) {
                        d.signatures[j] = $root.datanet.v1.HubSignature.toObject(m.signatures[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this LeaseContract to JSON.
             * @function toJSON
             * @memberof datanet.v1.LeaseContract
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LeaseContract.prototype.toJSON = function() {
                return LeaseContract.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LeaseContract
             * @function getTypeUrl
             * @memberof datanet.v1.LeaseContract
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LeaseContract.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.LeaseContract";
            };

            return LeaseContract;
        })();

        v1.AdmissionRequest = (function() {

            /**
             * Properties of an AdmissionRequest.
             * @typedef {Object} datanet.v1.AdmissionRequest.$Properties
             * @property {string|null} [participantId] AdmissionRequest participantId
             * @property {string|null} [enrollmentToken] AdmissionRequest enrollmentToken
             * @property {Uint8Array|null} [signingPublicKey] AdmissionRequest signingPublicKey
             * @property {Uint8Array|null} [keyAgreementPublicKey] AdmissionRequest keyAgreementPublicKey
             * @property {number|Long|null} [requestedAtMs] AdmissionRequest requestedAtMs
             * @property {Uint8Array|null} [proof] AdmissionRequest proof
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AdmissionRequest.
             * @memberof datanet.v1
             * @interface IAdmissionRequest
             * @augments datanet.v1.AdmissionRequest.$Properties
             * @deprecated Use datanet.v1.AdmissionRequest.$Properties instead.
             */

            /**
             * Shape of an AdmissionRequest.
             * @typedef {datanet.v1.AdmissionRequest.$Properties} datanet.v1.AdmissionRequest.$Shape
             */

            /**
             * Constructs a new AdmissionRequest.
             * @memberof datanet.v1
             * @classdesc Represents an AdmissionRequest.
             * @constructor
             * @param {datanet.v1.AdmissionRequest.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AdmissionRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AdmissionRequest participantId.
             * @member {string} participantId
             * @memberof datanet.v1.AdmissionRequest
             * @instance
             */
            AdmissionRequest.prototype.participantId = "";

            /**
             * AdmissionRequest enrollmentToken.
             * @member {string} enrollmentToken
             * @memberof datanet.v1.AdmissionRequest
             * @instance
             */
            AdmissionRequest.prototype.enrollmentToken = "";

            /**
             * AdmissionRequest signingPublicKey.
             * @member {Uint8Array} signingPublicKey
             * @memberof datanet.v1.AdmissionRequest
             * @instance
             */
            AdmissionRequest.prototype.signingPublicKey = $util.newBuffer([]);

            /**
             * AdmissionRequest keyAgreementPublicKey.
             * @member {Uint8Array} keyAgreementPublicKey
             * @memberof datanet.v1.AdmissionRequest
             * @instance
             */
            AdmissionRequest.prototype.keyAgreementPublicKey = $util.newBuffer([]);

            /**
             * AdmissionRequest requestedAtMs.
             * @member {number|Long} requestedAtMs
             * @memberof datanet.v1.AdmissionRequest
             * @instance
             */
            AdmissionRequest.prototype.requestedAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * AdmissionRequest proof.
             * @member {Uint8Array} proof
             * @memberof datanet.v1.AdmissionRequest
             * @instance
             */
            AdmissionRequest.prototype.proof = $util.newBuffer([]);

            /**
             * Creates a new AdmissionRequest instance using the specified properties.
             * @function create
             * @memberof datanet.v1.AdmissionRequest
             * @static
             * @param {datanet.v1.AdmissionRequest.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.AdmissionRequest} AdmissionRequest instance
             * @type {{
             *   (properties: datanet.v1.AdmissionRequest.$Shape): datanet.v1.AdmissionRequest & datanet.v1.AdmissionRequest.$Shape;
             *   (properties?: datanet.v1.AdmissionRequest.$Properties): datanet.v1.AdmissionRequest;
             * }}
             */
            AdmissionRequest.create = function(properties) {
                return new AdmissionRequest(properties);
            };

            /**
             * Encodes the specified AdmissionRequest message. Does not implicitly {@link datanet.v1.AdmissionRequest.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.AdmissionRequest
             * @static
             * @param {datanet.v1.AdmissionRequest.$Properties} m AdmissionRequest message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AdmissionRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.participantId != null && $Object.hasOwnProperty.call(m, "participantId") && m.participantId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.participantId);
                if (m.enrollmentToken != null && $Object.hasOwnProperty.call(m, "enrollmentToken") && m.enrollmentToken !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.enrollmentToken);
                if (m.signingPublicKey != null && $Object.hasOwnProperty.call(m, "signingPublicKey") && m.signingPublicKey.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.signingPublicKey);
                if (m.keyAgreementPublicKey != null && $Object.hasOwnProperty.call(m, "keyAgreementPublicKey") && m.keyAgreementPublicKey.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.keyAgreementPublicKey);
                if (m.requestedAtMs != null && $Object.hasOwnProperty.call(m, "requestedAtMs") && (typeof m.requestedAtMs === "object" ? m.requestedAtMs.low || m.requestedAtMs.high : m.requestedAtMs !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).int64(m.requestedAtMs);
                if (m.proof != null && $Object.hasOwnProperty.call(m, "proof") && m.proof.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.proof);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AdmissionRequest message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.AdmissionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.AdmissionRequest & datanet.v1.AdmissionRequest.$Shape} AdmissionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AdmissionRequest.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.AdmissionRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.participantId = v;
                            else
                                delete m.participantId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.enrollmentToken = v;
                            else
                                delete m.enrollmentToken;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signingPublicKey = v;
                            else
                                delete m.signingPublicKey;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.keyAgreementPublicKey = v;
                            else
                                delete m.keyAgreementPublicKey;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.requestedAtMs = v;
                            else
                                delete m.requestedAtMs;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.proof = v;
                            else
                                delete m.proof;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an AdmissionRequest message.
             * @function verify
             * @memberof datanet.v1.AdmissionRequest
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AdmissionRequest.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.participantId != null && $Object.hasOwnProperty.call(m, "participantId")) {
                    if (!$util.isString(m.participantId))
                        return "participantId: string expected";
                }
                if (m.enrollmentToken != null && $Object.hasOwnProperty.call(m, "enrollmentToken")) {
                    if (!$util.isString(m.enrollmentToken))
                        return "enrollmentToken: string expected";
                }
                if (m.signingPublicKey != null && $Object.hasOwnProperty.call(m, "signingPublicKey")) {
                    if (!(m.signingPublicKey && typeof m.signingPublicKey.length === "number" || $util.isString(m.signingPublicKey)))
                        return "signingPublicKey: buffer expected";
                }
                if (m.keyAgreementPublicKey != null && $Object.hasOwnProperty.call(m, "keyAgreementPublicKey")) {
                    if (!(m.keyAgreementPublicKey && typeof m.keyAgreementPublicKey.length === "number" || $util.isString(m.keyAgreementPublicKey)))
                        return "keyAgreementPublicKey: buffer expected";
                }
                if (m.requestedAtMs != null && $Object.hasOwnProperty.call(m, "requestedAtMs")) {
                    if (!$util.isInteger(m.requestedAtMs) && !(m.requestedAtMs && $util.isInteger(m.requestedAtMs.low) && $util.isInteger(m.requestedAtMs.high)))
                        return "requestedAtMs: integer|Long expected";
                }
                if (m.proof != null && $Object.hasOwnProperty.call(m, "proof")) {
                    if (!(m.proof && typeof m.proof.length === "number" || $util.isString(m.proof)))
                        return "proof: buffer expected";
                }
                return null;
            };

            /**
             * Creates an AdmissionRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.AdmissionRequest
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.AdmissionRequest} AdmissionRequest
             */
            AdmissionRequest.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.AdmissionRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.AdmissionRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.AdmissionRequest();
                if (d.participantId != null) {
                    if (typeof d.participantId !== "string" || d.participantId.length) {
                        m.participantId = $String(d.participantId);
                    }
                }
                if (d.enrollmentToken != null) {
                    if (typeof d.enrollmentToken !== "string" || d.enrollmentToken.length) {
                        m.enrollmentToken = $String(d.enrollmentToken);
                    }
                }
                if (d.signingPublicKey != null) {
                    if (d.signingPublicKey.length) {
                        if (typeof d.signingPublicKey === "string")
                            $util.base64.decode(d.signingPublicKey, m.signingPublicKey = $util.newBuffer($util.base64.length(d.signingPublicKey)), 0);
                        else if (d.signingPublicKey.length >= 0)
                            m.signingPublicKey = d.signingPublicKey;
                    }
                }
                if (d.keyAgreementPublicKey != null) {
                    if (d.keyAgreementPublicKey.length) {
                        if (typeof d.keyAgreementPublicKey === "string")
                            $util.base64.decode(d.keyAgreementPublicKey, m.keyAgreementPublicKey = $util.newBuffer($util.base64.length(d.keyAgreementPublicKey)), 0);
                        else if (d.keyAgreementPublicKey.length >= 0)
                            m.keyAgreementPublicKey = d.keyAgreementPublicKey;
                    }
                }
                if (d.requestedAtMs != null) {
                    if (typeof d.requestedAtMs === "object" ? d.requestedAtMs.low || d.requestedAtMs.high : $Number(d.requestedAtMs) !== 0) {
                        if ($util.Long)
                            m.requestedAtMs = $util.Long.fromValue(d.requestedAtMs, false);
                        else if (typeof d.requestedAtMs === "string")
                            m.requestedAtMs = $parseInt(d.requestedAtMs, 10);
                        else if (typeof d.requestedAtMs === "number")
                            m.requestedAtMs = d.requestedAtMs;
                        else if (typeof d.requestedAtMs === "object")
                            m.requestedAtMs = new $util.LongBits(d.requestedAtMs.low >>> 0, d.requestedAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.proof != null) {
                    if (d.proof.length) {
                        if (typeof d.proof === "string")
                            $util.base64.decode(d.proof, m.proof = $util.newBuffer($util.base64.length(d.proof)), 0);
                        else if (d.proof.length >= 0)
                            m.proof = d.proof;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an AdmissionRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.AdmissionRequest
             * @static
             * @param {datanet.v1.AdmissionRequest} m AdmissionRequest
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AdmissionRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.participantId = "";
                    d.enrollmentToken = "";
                    if (o.bytes === $String)
                        d.signingPublicKey = "";
                    else {
                        d.signingPublicKey = [];
                        if (o.bytes !== $Array)
                            d.signingPublicKey = $util.newBuffer(d.signingPublicKey);
                    }
                    if (o.bytes === $String)
                        d.keyAgreementPublicKey = "";
                    else {
                        d.keyAgreementPublicKey = [];
                        if (o.bytes !== $Array)
                            d.keyAgreementPublicKey = $util.newBuffer(d.keyAgreementPublicKey);
                    }
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.requestedAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.requestedAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.proof = "";
                    else {
                        d.proof = [];
                        if (o.bytes !== $Array)
                            d.proof = $util.newBuffer(d.proof);
                    }
                }
                if (m.participantId != null && $Object.hasOwnProperty.call(m, "participantId")) {
                    d.participantId = m.participantId;
                }
                if (m.enrollmentToken != null && $Object.hasOwnProperty.call(m, "enrollmentToken")) {
                    d.enrollmentToken = m.enrollmentToken;
                }
                if (m.signingPublicKey != null && $Object.hasOwnProperty.call(m, "signingPublicKey")) {
                    d.signingPublicKey = o.bytes === $String ? $util.base64.encode(m.signingPublicKey, 0, m.signingPublicKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signingPublicKey) : m.signingPublicKey;
                }
                if (m.keyAgreementPublicKey != null && $Object.hasOwnProperty.call(m, "keyAgreementPublicKey")) {
                    d.keyAgreementPublicKey = o.bytes === $String ? $util.base64.encode(m.keyAgreementPublicKey, 0, m.keyAgreementPublicKey.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.keyAgreementPublicKey) : m.keyAgreementPublicKey;
                }
                if (m.requestedAtMs != null && $Object.hasOwnProperty.call(m, "requestedAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.requestedAtMs = typeof m.requestedAtMs === "number" ? $BigInt(m.requestedAtMs) : $util.Long.fromBits(m.requestedAtMs.low >>> 0, m.requestedAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.requestedAtMs === "number")
                        d.requestedAtMs = o.longs === $String ? $String(m.requestedAtMs) : m.requestedAtMs;
                    else
                        d.requestedAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.requestedAtMs) : o.longs === $Number ? new $util.LongBits(m.requestedAtMs.low >>> 0, m.requestedAtMs.high >>> 0).toNumber() : m.requestedAtMs;
                }
                if (m.proof != null && $Object.hasOwnProperty.call(m, "proof")) {
                    d.proof = o.bytes === $String ? $util.base64.encode(m.proof, 0, m.proof.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.proof) : m.proof;
                }
                return d;
            };

            /**
             * Converts this AdmissionRequest to JSON.
             * @function toJSON
             * @memberof datanet.v1.AdmissionRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AdmissionRequest.prototype.toJSON = function() {
                return AdmissionRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AdmissionRequest
             * @function getTypeUrl
             * @memberof datanet.v1.AdmissionRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AdmissionRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.AdmissionRequest";
            };

            return AdmissionRequest;
        })();

        v1.AdmissionResponse = (function() {

            /**
             * Properties of an AdmissionResponse.
             * @typedef {Object} datanet.v1.AdmissionResponse.$Properties
             * @property {Uint8Array|null} [signingCert] AdmissionResponse signingCert
             * @property {Uint8Array|null} [keyAgreementCert] AdmissionResponse keyAgreementCert
             * @property {Uint8Array|null} [hubCert] AdmissionResponse hubCert
             * @property {Uint8Array|null} [caCert] AdmissionResponse caCert
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AdmissionResponse.
             * @memberof datanet.v1
             * @interface IAdmissionResponse
             * @augments datanet.v1.AdmissionResponse.$Properties
             * @deprecated Use datanet.v1.AdmissionResponse.$Properties instead.
             */

            /**
             * Shape of an AdmissionResponse.
             * @typedef {datanet.v1.AdmissionResponse.$Properties} datanet.v1.AdmissionResponse.$Shape
             */

            /**
             * Constructs a new AdmissionResponse.
             * @memberof datanet.v1
             * @classdesc Represents an AdmissionResponse.
             * @constructor
             * @param {datanet.v1.AdmissionResponse.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AdmissionResponse = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AdmissionResponse signingCert.
             * @member {Uint8Array} signingCert
             * @memberof datanet.v1.AdmissionResponse
             * @instance
             */
            AdmissionResponse.prototype.signingCert = $util.newBuffer([]);

            /**
             * AdmissionResponse keyAgreementCert.
             * @member {Uint8Array} keyAgreementCert
             * @memberof datanet.v1.AdmissionResponse
             * @instance
             */
            AdmissionResponse.prototype.keyAgreementCert = $util.newBuffer([]);

            /**
             * AdmissionResponse hubCert.
             * @member {Uint8Array} hubCert
             * @memberof datanet.v1.AdmissionResponse
             * @instance
             */
            AdmissionResponse.prototype.hubCert = $util.newBuffer([]);

            /**
             * AdmissionResponse caCert.
             * @member {Uint8Array} caCert
             * @memberof datanet.v1.AdmissionResponse
             * @instance
             */
            AdmissionResponse.prototype.caCert = $util.newBuffer([]);

            /**
             * Creates a new AdmissionResponse instance using the specified properties.
             * @function create
             * @memberof datanet.v1.AdmissionResponse
             * @static
             * @param {datanet.v1.AdmissionResponse.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.AdmissionResponse} AdmissionResponse instance
             * @type {{
             *   (properties: datanet.v1.AdmissionResponse.$Shape): datanet.v1.AdmissionResponse & datanet.v1.AdmissionResponse.$Shape;
             *   (properties?: datanet.v1.AdmissionResponse.$Properties): datanet.v1.AdmissionResponse;
             * }}
             */
            AdmissionResponse.create = function(properties) {
                return new AdmissionResponse(properties);
            };

            /**
             * Encodes the specified AdmissionResponse message. Does not implicitly {@link datanet.v1.AdmissionResponse.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.AdmissionResponse
             * @static
             * @param {datanet.v1.AdmissionResponse.$Properties} m AdmissionResponse message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AdmissionResponse.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.signingCert != null && $Object.hasOwnProperty.call(m, "signingCert") && m.signingCert.length)
                    w.uint32(/* id 1, wireType 2 =*/10).bytes(m.signingCert);
                if (m.keyAgreementCert != null && $Object.hasOwnProperty.call(m, "keyAgreementCert") && m.keyAgreementCert.length)
                    w.uint32(/* id 2, wireType 2 =*/18).bytes(m.keyAgreementCert);
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert") && m.hubCert.length)
                    w.uint32(/* id 3, wireType 2 =*/26).bytes(m.hubCert);
                if (m.caCert != null && $Object.hasOwnProperty.call(m, "caCert") && m.caCert.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.caCert);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes an AdmissionResponse message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.AdmissionResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.AdmissionResponse & datanet.v1.AdmissionResponse.$Shape} AdmissionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AdmissionResponse.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.AdmissionResponse();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signingCert = v;
                            else
                                delete m.signingCert;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.keyAgreementCert = v;
                            else
                                delete m.keyAgreementCert;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.hubCert = v;
                            else
                                delete m.hubCert;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.caCert = v;
                            else
                                delete m.caCert;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies an AdmissionResponse message.
             * @function verify
             * @memberof datanet.v1.AdmissionResponse
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AdmissionResponse.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.signingCert != null && $Object.hasOwnProperty.call(m, "signingCert")) {
                    if (!(m.signingCert && typeof m.signingCert.length === "number" || $util.isString(m.signingCert)))
                        return "signingCert: buffer expected";
                }
                if (m.keyAgreementCert != null && $Object.hasOwnProperty.call(m, "keyAgreementCert")) {
                    if (!(m.keyAgreementCert && typeof m.keyAgreementCert.length === "number" || $util.isString(m.keyAgreementCert)))
                        return "keyAgreementCert: buffer expected";
                }
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert")) {
                    if (!(m.hubCert && typeof m.hubCert.length === "number" || $util.isString(m.hubCert)))
                        return "hubCert: buffer expected";
                }
                if (m.caCert != null && $Object.hasOwnProperty.call(m, "caCert")) {
                    if (!(m.caCert && typeof m.caCert.length === "number" || $util.isString(m.caCert)))
                        return "caCert: buffer expected";
                }
                return null;
            };

            /**
             * Creates an AdmissionResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.AdmissionResponse
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.AdmissionResponse} AdmissionResponse
             */
            AdmissionResponse.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.AdmissionResponse)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.AdmissionResponse: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.AdmissionResponse();
                if (d.signingCert != null) {
                    if (d.signingCert.length) {
                        if (typeof d.signingCert === "string")
                            $util.base64.decode(d.signingCert, m.signingCert = $util.newBuffer($util.base64.length(d.signingCert)), 0);
                        else if (d.signingCert.length >= 0)
                            m.signingCert = d.signingCert;
                    }
                }
                if (d.keyAgreementCert != null) {
                    if (d.keyAgreementCert.length) {
                        if (typeof d.keyAgreementCert === "string")
                            $util.base64.decode(d.keyAgreementCert, m.keyAgreementCert = $util.newBuffer($util.base64.length(d.keyAgreementCert)), 0);
                        else if (d.keyAgreementCert.length >= 0)
                            m.keyAgreementCert = d.keyAgreementCert;
                    }
                }
                if (d.hubCert != null) {
                    if (d.hubCert.length) {
                        if (typeof d.hubCert === "string")
                            $util.base64.decode(d.hubCert, m.hubCert = $util.newBuffer($util.base64.length(d.hubCert)), 0);
                        else if (d.hubCert.length >= 0)
                            m.hubCert = d.hubCert;
                    }
                }
                if (d.caCert != null) {
                    if (d.caCert.length) {
                        if (typeof d.caCert === "string")
                            $util.base64.decode(d.caCert, m.caCert = $util.newBuffer($util.base64.length(d.caCert)), 0);
                        else if (d.caCert.length >= 0)
                            m.caCert = d.caCert;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an AdmissionResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.AdmissionResponse
             * @static
             * @param {datanet.v1.AdmissionResponse} m AdmissionResponse
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AdmissionResponse.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.signingCert = "";
                    else {
                        d.signingCert = [];
                        if (o.bytes !== $Array)
                            d.signingCert = $util.newBuffer(d.signingCert);
                    }
                    if (o.bytes === $String)
                        d.keyAgreementCert = "";
                    else {
                        d.keyAgreementCert = [];
                        if (o.bytes !== $Array)
                            d.keyAgreementCert = $util.newBuffer(d.keyAgreementCert);
                    }
                    if (o.bytes === $String)
                        d.hubCert = "";
                    else {
                        d.hubCert = [];
                        if (o.bytes !== $Array)
                            d.hubCert = $util.newBuffer(d.hubCert);
                    }
                    if (o.bytes === $String)
                        d.caCert = "";
                    else {
                        d.caCert = [];
                        if (o.bytes !== $Array)
                            d.caCert = $util.newBuffer(d.caCert);
                    }
                }
                if (m.signingCert != null && $Object.hasOwnProperty.call(m, "signingCert")) {
                    d.signingCert = o.bytes === $String ? $util.base64.encode(m.signingCert, 0, m.signingCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signingCert) : m.signingCert;
                }
                if (m.keyAgreementCert != null && $Object.hasOwnProperty.call(m, "keyAgreementCert")) {
                    d.keyAgreementCert = o.bytes === $String ? $util.base64.encode(m.keyAgreementCert, 0, m.keyAgreementCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.keyAgreementCert) : m.keyAgreementCert;
                }
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert")) {
                    d.hubCert = o.bytes === $String ? $util.base64.encode(m.hubCert, 0, m.hubCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.hubCert) : m.hubCert;
                }
                if (m.caCert != null && $Object.hasOwnProperty.call(m, "caCert")) {
                    d.caCert = o.bytes === $String ? $util.base64.encode(m.caCert, 0, m.caCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.caCert) : m.caCert;
                }
                return d;
            };

            /**
             * Converts this AdmissionResponse to JSON.
             * @function toJSON
             * @memberof datanet.v1.AdmissionResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AdmissionResponse.prototype.toJSON = function() {
                return AdmissionResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AdmissionResponse
             * @function getTypeUrl
             * @memberof datanet.v1.AdmissionResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AdmissionResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.AdmissionResponse";
            };

            return AdmissionResponse;
        })();

        v1.DirectoryEntry = (function() {

            /**
             * Properties of a DirectoryEntry.
             * @typedef {Object} datanet.v1.DirectoryEntry.$Properties
             * @property {string|null} [nodeId] DirectoryEntry nodeId
             * @property {string|null} [hubId] DirectoryEntry hubId
             * @property {string|null} [role] DirectoryEntry role
             * @property {Uint8Array|null} [signingCert] DirectoryEntry signingCert
             * @property {Uint8Array|null} [keyAgreementCert] DirectoryEntry keyAgreementCert
             * @property {Uint8Array|null} [hubCert] DirectoryEntry hubCert
             * @property {number|null} [securityLevel] DirectoryEntry securityLevel
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DirectoryEntry.
             * @memberof datanet.v1
             * @interface IDirectoryEntry
             * @augments datanet.v1.DirectoryEntry.$Properties
             * @deprecated Use datanet.v1.DirectoryEntry.$Properties instead.
             */

            /**
             * Shape of a DirectoryEntry.
             * @typedef {datanet.v1.DirectoryEntry.$Properties} datanet.v1.DirectoryEntry.$Shape
             */

            /**
             * Constructs a new DirectoryEntry.
             * @memberof datanet.v1
             * @classdesc Represents a DirectoryEntry.
             * @constructor
             * @param {datanet.v1.DirectoryEntry.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DirectoryEntry = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DirectoryEntry nodeId.
             * @member {string} nodeId
             * @memberof datanet.v1.DirectoryEntry
             * @instance
             */
            DirectoryEntry.prototype.nodeId = "";

            /**
             * DirectoryEntry hubId.
             * @member {string} hubId
             * @memberof datanet.v1.DirectoryEntry
             * @instance
             */
            DirectoryEntry.prototype.hubId = "";

            /**
             * DirectoryEntry role.
             * @member {string} role
             * @memberof datanet.v1.DirectoryEntry
             * @instance
             */
            DirectoryEntry.prototype.role = "";

            /**
             * DirectoryEntry signingCert.
             * @member {Uint8Array} signingCert
             * @memberof datanet.v1.DirectoryEntry
             * @instance
             */
            DirectoryEntry.prototype.signingCert = $util.newBuffer([]);

            /**
             * DirectoryEntry keyAgreementCert.
             * @member {Uint8Array} keyAgreementCert
             * @memberof datanet.v1.DirectoryEntry
             * @instance
             */
            DirectoryEntry.prototype.keyAgreementCert = $util.newBuffer([]);

            /**
             * DirectoryEntry hubCert.
             * @member {Uint8Array} hubCert
             * @memberof datanet.v1.DirectoryEntry
             * @instance
             */
            DirectoryEntry.prototype.hubCert = $util.newBuffer([]);

            /**
             * DirectoryEntry securityLevel.
             * @member {number} securityLevel
             * @memberof datanet.v1.DirectoryEntry
             * @instance
             */
            DirectoryEntry.prototype.securityLevel = 0;

            /**
             * Creates a new DirectoryEntry instance using the specified properties.
             * @function create
             * @memberof datanet.v1.DirectoryEntry
             * @static
             * @param {datanet.v1.DirectoryEntry.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.DirectoryEntry} DirectoryEntry instance
             * @type {{
             *   (properties: datanet.v1.DirectoryEntry.$Shape): datanet.v1.DirectoryEntry & datanet.v1.DirectoryEntry.$Shape;
             *   (properties?: datanet.v1.DirectoryEntry.$Properties): datanet.v1.DirectoryEntry;
             * }}
             */
            DirectoryEntry.create = function(properties) {
                return new DirectoryEntry(properties);
            };

            /**
             * Encodes the specified DirectoryEntry message. Does not implicitly {@link datanet.v1.DirectoryEntry.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.DirectoryEntry
             * @static
             * @param {datanet.v1.DirectoryEntry.$Properties} m DirectoryEntry message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DirectoryEntry.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.nodeId);
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId") && m.hubId !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.hubId);
                if (m.role != null && $Object.hasOwnProperty.call(m, "role") && m.role !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.role);
                if (m.signingCert != null && $Object.hasOwnProperty.call(m, "signingCert") && m.signingCert.length)
                    w.uint32(/* id 4, wireType 2 =*/34).bytes(m.signingCert);
                if (m.keyAgreementCert != null && $Object.hasOwnProperty.call(m, "keyAgreementCert") && m.keyAgreementCert.length)
                    w.uint32(/* id 5, wireType 2 =*/42).bytes(m.keyAgreementCert);
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert") && m.hubCert.length)
                    w.uint32(/* id 6, wireType 2 =*/50).bytes(m.hubCert);
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel") && m.securityLevel !== 0)
                    w.uint32(/* id 7, wireType 0 =*/56).uint32(m.securityLevel);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DirectoryEntry message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.DirectoryEntry
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.DirectoryEntry & datanet.v1.DirectoryEntry.$Shape} DirectoryEntry
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DirectoryEntry.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.DirectoryEntry();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.nodeId = v;
                            else
                                delete m.nodeId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.hubId = v;
                            else
                                delete m.hubId;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.role = v;
                            else
                                delete m.role;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.signingCert = v;
                            else
                                delete m.signingCert;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.keyAgreementCert = v;
                            else
                                delete m.keyAgreementCert;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.hubCert = v;
                            else
                                delete m.hubCert;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.securityLevel = v;
                            else
                                delete m.securityLevel;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a DirectoryEntry message.
             * @function verify
             * @memberof datanet.v1.DirectoryEntry
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DirectoryEntry.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId")) {
                    if (!$util.isString(m.nodeId))
                        return "nodeId: string expected";
                }
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId")) {
                    if (!$util.isString(m.hubId))
                        return "hubId: string expected";
                }
                if (m.role != null && $Object.hasOwnProperty.call(m, "role")) {
                    if (!$util.isString(m.role))
                        return "role: string expected";
                }
                if (m.signingCert != null && $Object.hasOwnProperty.call(m, "signingCert")) {
                    if (!(m.signingCert && typeof m.signingCert.length === "number" || $util.isString(m.signingCert)))
                        return "signingCert: buffer expected";
                }
                if (m.keyAgreementCert != null && $Object.hasOwnProperty.call(m, "keyAgreementCert")) {
                    if (!(m.keyAgreementCert && typeof m.keyAgreementCert.length === "number" || $util.isString(m.keyAgreementCert)))
                        return "keyAgreementCert: buffer expected";
                }
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert")) {
                    if (!(m.hubCert && typeof m.hubCert.length === "number" || $util.isString(m.hubCert)))
                        return "hubCert: buffer expected";
                }
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel")) {
                    if (!$util.isInteger(m.securityLevel))
                        return "securityLevel: integer expected";
                }
                return null;
            };

            /**
             * Creates a DirectoryEntry message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.DirectoryEntry
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.DirectoryEntry} DirectoryEntry
             */
            DirectoryEntry.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.DirectoryEntry)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.DirectoryEntry: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.DirectoryEntry();
                if (d.nodeId != null) {
                    if (typeof d.nodeId !== "string" || d.nodeId.length) {
                        m.nodeId = $String(d.nodeId);
                    }
                }
                if (d.hubId != null) {
                    if (typeof d.hubId !== "string" || d.hubId.length) {
                        m.hubId = $String(d.hubId);
                    }
                }
                if (d.role != null) {
                    if (typeof d.role !== "string" || d.role.length) {
                        m.role = $String(d.role);
                    }
                }
                if (d.signingCert != null) {
                    if (d.signingCert.length) {
                        if (typeof d.signingCert === "string")
                            $util.base64.decode(d.signingCert, m.signingCert = $util.newBuffer($util.base64.length(d.signingCert)), 0);
                        else if (d.signingCert.length >= 0)
                            m.signingCert = d.signingCert;
                    }
                }
                if (d.keyAgreementCert != null) {
                    if (d.keyAgreementCert.length) {
                        if (typeof d.keyAgreementCert === "string")
                            $util.base64.decode(d.keyAgreementCert, m.keyAgreementCert = $util.newBuffer($util.base64.length(d.keyAgreementCert)), 0);
                        else if (d.keyAgreementCert.length >= 0)
                            m.keyAgreementCert = d.keyAgreementCert;
                    }
                }
                if (d.hubCert != null) {
                    if (d.hubCert.length) {
                        if (typeof d.hubCert === "string")
                            $util.base64.decode(d.hubCert, m.hubCert = $util.newBuffer($util.base64.length(d.hubCert)), 0);
                        else if (d.hubCert.length >= 0)
                            m.hubCert = d.hubCert;
                    }
                }
                if (d.securityLevel != null) {
                    if ($Number(d.securityLevel) !== 0) {
                        m.securityLevel = d.securityLevel >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DirectoryEntry message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.DirectoryEntry
             * @static
             * @param {datanet.v1.DirectoryEntry} m DirectoryEntry
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DirectoryEntry.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.nodeId = "";
                    d.hubId = "";
                    d.role = "";
                    if (o.bytes === $String)
                        d.signingCert = "";
                    else {
                        d.signingCert = [];
                        if (o.bytes !== $Array)
                            d.signingCert = $util.newBuffer(d.signingCert);
                    }
                    if (o.bytes === $String)
                        d.keyAgreementCert = "";
                    else {
                        d.keyAgreementCert = [];
                        if (o.bytes !== $Array)
                            d.keyAgreementCert = $util.newBuffer(d.keyAgreementCert);
                    }
                    if (o.bytes === $String)
                        d.hubCert = "";
                    else {
                        d.hubCert = [];
                        if (o.bytes !== $Array)
                            d.hubCert = $util.newBuffer(d.hubCert);
                    }
                    d.securityLevel = 0;
                }
                if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId")) {
                    d.nodeId = m.nodeId;
                }
                if (m.hubId != null && $Object.hasOwnProperty.call(m, "hubId")) {
                    d.hubId = m.hubId;
                }
                if (m.role != null && $Object.hasOwnProperty.call(m, "role")) {
                    d.role = m.role;
                }
                if (m.signingCert != null && $Object.hasOwnProperty.call(m, "signingCert")) {
                    d.signingCert = o.bytes === $String ? $util.base64.encode(m.signingCert, 0, m.signingCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.signingCert) : m.signingCert;
                }
                if (m.keyAgreementCert != null && $Object.hasOwnProperty.call(m, "keyAgreementCert")) {
                    d.keyAgreementCert = o.bytes === $String ? $util.base64.encode(m.keyAgreementCert, 0, m.keyAgreementCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.keyAgreementCert) : m.keyAgreementCert;
                }
                if (m.hubCert != null && $Object.hasOwnProperty.call(m, "hubCert")) {
                    d.hubCert = o.bytes === $String ? $util.base64.encode(m.hubCert, 0, m.hubCert.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.hubCert) : m.hubCert;
                }
                if (m.securityLevel != null && $Object.hasOwnProperty.call(m, "securityLevel")) {
                    d.securityLevel = m.securityLevel;
                }
                return d;
            };

            /**
             * Converts this DirectoryEntry to JSON.
             * @function toJSON
             * @memberof datanet.v1.DirectoryEntry
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DirectoryEntry.prototype.toJSON = function() {
                return DirectoryEntry.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DirectoryEntry
             * @function getTypeUrl
             * @memberof datanet.v1.DirectoryEntry
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DirectoryEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.DirectoryEntry";
            };

            return DirectoryEntry;
        })();

        v1.DeadLetter = (function() {

            /**
             * Properties of a DeadLetter.
             * @typedef {Object} datanet.v1.DeadLetter.$Properties
             * @property {string|null} [id] DeadLetter id
             * @property {string|null} [reasonCode] DeadLetter reasonCode
             * @property {string|null} [detail] DeadLetter detail
             * @property {string|null} [messageId] DeadLetter messageId
             * @property {string|null} [source] DeadLetter source
             * @property {string|null} [target] DeadLetter target
             * @property {string|null} [topic] DeadLetter topic
             * @property {number|null} [partition] DeadLetter partition
             * @property {string|null} [offset] DeadLetter offset
             * @property {number|Long|null} [atMs] DeadLetter atMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeadLetter.
             * @memberof datanet.v1
             * @interface IDeadLetter
             * @augments datanet.v1.DeadLetter.$Properties
             * @deprecated Use datanet.v1.DeadLetter.$Properties instead.
             */

            /**
             * Shape of a DeadLetter.
             * @typedef {datanet.v1.DeadLetter.$Properties} datanet.v1.DeadLetter.$Shape
             */

            /**
             * Constructs a new DeadLetter.
             * @memberof datanet.v1
             * @classdesc Represents a DeadLetter.
             * @constructor
             * @param {datanet.v1.DeadLetter.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeadLetter = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DeadLetter id.
             * @member {string} id
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.id = "";

            /**
             * DeadLetter reasonCode.
             * @member {string} reasonCode
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.reasonCode = "";

            /**
             * DeadLetter detail.
             * @member {string} detail
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.detail = "";

            /**
             * DeadLetter messageId.
             * @member {string} messageId
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.messageId = "";

            /**
             * DeadLetter source.
             * @member {string} source
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.source = "";

            /**
             * DeadLetter target.
             * @member {string} target
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.target = "";

            /**
             * DeadLetter topic.
             * @member {string} topic
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.topic = "";

            /**
             * DeadLetter partition.
             * @member {number} partition
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.partition = 0;

            /**
             * DeadLetter offset.
             * @member {string} offset
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.offset = "";

            /**
             * DeadLetter atMs.
             * @member {number|Long} atMs
             * @memberof datanet.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.atMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new DeadLetter instance using the specified properties.
             * @function create
             * @memberof datanet.v1.DeadLetter
             * @static
             * @param {datanet.v1.DeadLetter.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.DeadLetter} DeadLetter instance
             * @type {{
             *   (properties: datanet.v1.DeadLetter.$Shape): datanet.v1.DeadLetter & datanet.v1.DeadLetter.$Shape;
             *   (properties?: datanet.v1.DeadLetter.$Properties): datanet.v1.DeadLetter;
             * }}
             */
            DeadLetter.create = function(properties) {
                return new DeadLetter(properties);
            };

            /**
             * Encodes the specified DeadLetter message. Does not implicitly {@link datanet.v1.DeadLetter.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.DeadLetter
             * @static
             * @param {datanet.v1.DeadLetter.$Properties} m DeadLetter message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeadLetter.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.id);
                if (m.reasonCode != null && $Object.hasOwnProperty.call(m, "reasonCode") && m.reasonCode !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.reasonCode);
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.detail);
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId") && m.messageId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.messageId);
                if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.source);
                if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                    w.uint32(/* id 6, wireType 2 =*/50).string(m.target);
                if (m.topic != null && $Object.hasOwnProperty.call(m, "topic") && m.topic !== "")
                    w.uint32(/* id 7, wireType 2 =*/58).string(m.topic);
                if (m.partition != null && $Object.hasOwnProperty.call(m, "partition") && m.partition !== 0)
                    w.uint32(/* id 8, wireType 0 =*/64).int32(m.partition);
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset") && m.offset !== "")
                    w.uint32(/* id 9, wireType 2 =*/74).string(m.offset);
                if (m.atMs != null && $Object.hasOwnProperty.call(m, "atMs") && (typeof m.atMs === "object" ? m.atMs.low || m.atMs.high : m.atMs !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).int64(m.atMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a DeadLetter message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.DeadLetter
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.DeadLetter & datanet.v1.DeadLetter.$Shape} DeadLetter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeadLetter.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.DeadLetter();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.reasonCode = v;
                            else
                                delete m.reasonCode;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.detail = v;
                            else
                                delete m.detail;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.messageId = v;
                            else
                                delete m.messageId;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.source = v;
                            else
                                delete m.source;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.target = v;
                            else
                                delete m.target;
                            continue;
                        }
                    case 7: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.topic = v;
                            else
                                delete m.topic;
                            continue;
                        }
                    case 8: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.partition = v;
                            else
                                delete m.partition;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.offset = v;
                            else
                                delete m.offset;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.atMs = v;
                            else
                                delete m.atMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a DeadLetter message.
             * @function verify
             * @memberof datanet.v1.DeadLetter
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeadLetter.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                if (m.reasonCode != null && $Object.hasOwnProperty.call(m, "reasonCode")) {
                    if (!$util.isString(m.reasonCode))
                        return "reasonCode: string expected";
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    if (!$util.isString(m.detail))
                        return "detail: string expected";
                }
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId")) {
                    if (!$util.isString(m.messageId))
                        return "messageId: string expected";
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    if (!$util.isString(m.source))
                        return "source: string expected";
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    if (!$util.isString(m.target))
                        return "target: string expected";
                }
                if (m.topic != null && $Object.hasOwnProperty.call(m, "topic")) {
                    if (!$util.isString(m.topic))
                        return "topic: string expected";
                }
                if (m.partition != null && $Object.hasOwnProperty.call(m, "partition")) {
                    if (!$util.isInteger(m.partition))
                        return "partition: integer expected";
                }
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset")) {
                    if (!$util.isString(m.offset))
                        return "offset: string expected";
                }
                if (m.atMs != null && $Object.hasOwnProperty.call(m, "atMs")) {
                    if (!$util.isInteger(m.atMs) && !(m.atMs && $util.isInteger(m.atMs.low) && $util.isInteger(m.atMs.high)))
                        return "atMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a DeadLetter message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.DeadLetter
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.DeadLetter} DeadLetter
             */
            DeadLetter.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.DeadLetter)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.DeadLetter: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.DeadLetter();
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                if (d.reasonCode != null) {
                    if (typeof d.reasonCode !== "string" || d.reasonCode.length) {
                        m.reasonCode = $String(d.reasonCode);
                    }
                }
                if (d.detail != null) {
                    if (typeof d.detail !== "string" || d.detail.length) {
                        m.detail = $String(d.detail);
                    }
                }
                if (d.messageId != null) {
                    if (typeof d.messageId !== "string" || d.messageId.length) {
                        m.messageId = $String(d.messageId);
                    }
                }
                if (d.source != null) {
                    if (typeof d.source !== "string" || d.source.length) {
                        m.source = $String(d.source);
                    }
                }
                if (d.target != null) {
                    if (typeof d.target !== "string" || d.target.length) {
                        m.target = $String(d.target);
                    }
                }
                if (d.topic != null) {
                    if (typeof d.topic !== "string" || d.topic.length) {
                        m.topic = $String(d.topic);
                    }
                }
                if (d.partition != null) {
                    if ($Number(d.partition) !== 0) {
                        m.partition = d.partition | 0;
                    }
                }
                if (d.offset != null) {
                    if (typeof d.offset !== "string" || d.offset.length) {
                        m.offset = $String(d.offset);
                    }
                }
                if (d.atMs != null) {
                    if (typeof d.atMs === "object" ? d.atMs.low || d.atMs.high : $Number(d.atMs) !== 0) {
                        if ($util.Long)
                            m.atMs = $util.Long.fromValue(d.atMs, false);
                        else if (typeof d.atMs === "string")
                            m.atMs = $parseInt(d.atMs, 10);
                        else if (typeof d.atMs === "number")
                            m.atMs = d.atMs;
                        else if (typeof d.atMs === "object")
                            m.atMs = new $util.LongBits(d.atMs.low >>> 0, d.atMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DeadLetter message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.DeadLetter
             * @static
             * @param {datanet.v1.DeadLetter} m DeadLetter
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeadLetter.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.id = "";
                    d.reasonCode = "";
                    d.detail = "";
                    d.messageId = "";
                    d.source = "";
                    d.target = "";
                    d.topic = "";
                    d.partition = 0;
                    d.offset = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.atMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.atMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                if (m.reasonCode != null && $Object.hasOwnProperty.call(m, "reasonCode")) {
                    d.reasonCode = m.reasonCode;
                }
                if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                    d.detail = m.detail;
                }
                if (m.messageId != null && $Object.hasOwnProperty.call(m, "messageId")) {
                    d.messageId = m.messageId;
                }
                if (m.source != null && $Object.hasOwnProperty.call(m, "source")) {
                    d.source = m.source;
                }
                if (m.target != null && $Object.hasOwnProperty.call(m, "target")) {
                    d.target = m.target;
                }
                if (m.topic != null && $Object.hasOwnProperty.call(m, "topic")) {
                    d.topic = m.topic;
                }
                if (m.partition != null && $Object.hasOwnProperty.call(m, "partition")) {
                    d.partition = m.partition;
                }
                if (m.offset != null && $Object.hasOwnProperty.call(m, "offset")) {
                    d.offset = m.offset;
                }
                if (m.atMs != null && $Object.hasOwnProperty.call(m, "atMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.atMs = typeof m.atMs === "number" ? $BigInt(m.atMs) : $util.Long.fromBits(m.atMs.low >>> 0, m.atMs.high >>> 0, false).toBigInt();
                    else if (typeof m.atMs === "number")
                        d.atMs = o.longs === $String ? $String(m.atMs) : m.atMs;
                    else
                        d.atMs = o.longs === $String ? $util.Long.prototype.toString.call(m.atMs) : o.longs === $Number ? new $util.LongBits(m.atMs.low >>> 0, m.atMs.high >>> 0).toNumber() : m.atMs;
                }
                return d;
            };

            /**
             * Converts this DeadLetter to JSON.
             * @function toJSON
             * @memberof datanet.v1.DeadLetter
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeadLetter.prototype.toJSON = function() {
                return DeadLetter.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeadLetter
             * @function getTypeUrl
             * @memberof datanet.v1.DeadLetter
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeadLetter.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.DeadLetter";
            };

            return DeadLetter;
        })();

        v1.Ping = (function() {

            /**
             * Properties of a Ping.
             * @typedef {Object} datanet.v1.Ping.$Properties
             * @property {string|null} [text] Ping text
             * @property {number|Long|null} [sentAtMs] Ping sentAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Ping.
             * @memberof datanet.v1
             * @interface IPing
             * @augments datanet.v1.Ping.$Properties
             * @deprecated Use datanet.v1.Ping.$Properties instead.
             */

            /**
             * Shape of a Ping.
             * @typedef {datanet.v1.Ping.$Properties} datanet.v1.Ping.$Shape
             */

            /**
             * Constructs a new Ping.
             * @memberof datanet.v1
             * @classdesc Represents a Ping.
             * @constructor
             * @param {datanet.v1.Ping.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ping = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Ping text.
             * @member {string} text
             * @memberof datanet.v1.Ping
             * @instance
             */
            Ping.prototype.text = "";

            /**
             * Ping sentAtMs.
             * @member {number|Long} sentAtMs
             * @memberof datanet.v1.Ping
             * @instance
             */
            Ping.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new Ping instance using the specified properties.
             * @function create
             * @memberof datanet.v1.Ping
             * @static
             * @param {datanet.v1.Ping.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.Ping} Ping instance
             * @type {{
             *   (properties: datanet.v1.Ping.$Shape): datanet.v1.Ping & datanet.v1.Ping.$Shape;
             *   (properties?: datanet.v1.Ping.$Properties): datanet.v1.Ping;
             * }}
             */
            Ping.create = function(properties) {
                return new Ping(properties);
            };

            /**
             * Encodes the specified Ping message. Does not implicitly {@link datanet.v1.Ping.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.Ping
             * @static
             * @param {datanet.v1.Ping.$Properties} m Ping message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.text != null && $Object.hasOwnProperty.call(m, "text") && m.text !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.text);
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs") && (typeof m.sentAtMs === "object" ? m.sentAtMs.low || m.sentAtMs.high : m.sentAtMs !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).int64(m.sentAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.Ping & datanet.v1.Ping.$Shape} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.Ping();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.text = v;
                            else
                                delete m.text;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAtMs = v;
                            else
                                delete m.sentAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a Ping message.
             * @function verify
             * @memberof datanet.v1.Ping
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Ping.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.text != null && $Object.hasOwnProperty.call(m, "text")) {
                    if (!$util.isString(m.text))
                        return "text: string expected";
                }
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (!$util.isInteger(m.sentAtMs) && !(m.sentAtMs && $util.isInteger(m.sentAtMs.low) && $util.isInteger(m.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.Ping
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.Ping} Ping
             */
            Ping.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.Ping)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.Ping: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.Ping();
                if (d.text != null) {
                    if (typeof d.text !== "string" || d.text.length) {
                        m.text = $String(d.text);
                    }
                }
                if (d.sentAtMs != null) {
                    if (typeof d.sentAtMs === "object" ? d.sentAtMs.low || d.sentAtMs.high : $Number(d.sentAtMs) !== 0) {
                        if ($util.Long)
                            m.sentAtMs = $util.Long.fromValue(d.sentAtMs, false);
                        else if (typeof d.sentAtMs === "string")
                            m.sentAtMs = $parseInt(d.sentAtMs, 10);
                        else if (typeof d.sentAtMs === "number")
                            m.sentAtMs = d.sentAtMs;
                        else if (typeof d.sentAtMs === "object")
                            m.sentAtMs = new $util.LongBits(d.sentAtMs.low >>> 0, d.sentAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.Ping
             * @static
             * @param {datanet.v1.Ping} m Ping
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ping.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.text = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sentAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sentAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.text != null && $Object.hasOwnProperty.call(m, "text")) {
                    d.text = m.text;
                }
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sentAtMs = typeof m.sentAtMs === "number" ? $BigInt(m.sentAtMs) : $util.Long.fromBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.sentAtMs === "number")
                        d.sentAtMs = o.longs === $String ? $String(m.sentAtMs) : m.sentAtMs;
                    else
                        d.sentAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.sentAtMs) : o.longs === $Number ? new $util.LongBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0).toNumber() : m.sentAtMs;
                }
                return d;
            };

            /**
             * Converts this Ping to JSON.
             * @function toJSON
             * @memberof datanet.v1.Ping
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ping.prototype.toJSON = function() {
                return Ping.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Ping
             * @function getTypeUrl
             * @memberof datanet.v1.Ping
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ping.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.Ping";
            };

            return Ping;
        })();

        v1.Pong = (function() {

            /**
             * Properties of a Pong.
             * @typedef {Object} datanet.v1.Pong.$Properties
             * @property {string|null} [text] Pong text
             * @property {string|null} [inReplyTo] Pong inReplyTo
             * @property {number|Long|null} [pingSentAtMs] Pong pingSentAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Pong.
             * @memberof datanet.v1
             * @interface IPong
             * @augments datanet.v1.Pong.$Properties
             * @deprecated Use datanet.v1.Pong.$Properties instead.
             */

            /**
             * Shape of a Pong.
             * @typedef {datanet.v1.Pong.$Properties} datanet.v1.Pong.$Shape
             */

            /**
             * Constructs a new Pong.
             * @memberof datanet.v1
             * @classdesc Represents a Pong.
             * @constructor
             * @param {datanet.v1.Pong.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Pong = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Pong text.
             * @member {string} text
             * @memberof datanet.v1.Pong
             * @instance
             */
            Pong.prototype.text = "";

            /**
             * Pong inReplyTo.
             * @member {string} inReplyTo
             * @memberof datanet.v1.Pong
             * @instance
             */
            Pong.prototype.inReplyTo = "";

            /**
             * Pong pingSentAtMs.
             * @member {number|Long} pingSentAtMs
             * @memberof datanet.v1.Pong
             * @instance
             */
            Pong.prototype.pingSentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new Pong instance using the specified properties.
             * @function create
             * @memberof datanet.v1.Pong
             * @static
             * @param {datanet.v1.Pong.$Properties=} [properties] Properties to set
             * @returns {datanet.v1.Pong} Pong instance
             * @type {{
             *   (properties: datanet.v1.Pong.$Shape): datanet.v1.Pong & datanet.v1.Pong.$Shape;
             *   (properties?: datanet.v1.Pong.$Properties): datanet.v1.Pong;
             * }}
             */
            Pong.create = function(properties) {
                return new Pong(properties);
            };

            /**
             * Encodes the specified Pong message. Does not implicitly {@link datanet.v1.Pong.verify|verify} messages.
             * @function encode
             * @memberof datanet.v1.Pong
             * @static
             * @param {datanet.v1.Pong.$Properties} m Pong message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.text != null && $Object.hasOwnProperty.call(m, "text") && m.text !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.text);
                if (m.inReplyTo != null && $Object.hasOwnProperty.call(m, "inReplyTo") && m.inReplyTo !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.inReplyTo);
                if (m.pingSentAtMs != null && $Object.hasOwnProperty.call(m, "pingSentAtMs") && (typeof m.pingSentAtMs === "object" ? m.pingSentAtMs.low || m.pingSentAtMs.high : m.pingSentAtMs !== 0))
                    w.uint32(/* id 3, wireType 0 =*/24).int64(m.pingSentAtMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @function decode
             * @memberof datanet.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {datanet.v1.Pong & datanet.v1.Pong.$Shape} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.datanet.v1.Pong();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.text = v;
                            else
                                delete m.text;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.inReplyTo = v;
                            else
                                delete m.inReplyTo;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.pingSentAtMs = v;
                            else
                                delete m.pingSentAtMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Verifies a Pong message.
             * @function verify
             * @memberof datanet.v1.Pong
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Pong.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.text != null && $Object.hasOwnProperty.call(m, "text")) {
                    if (!$util.isString(m.text))
                        return "text: string expected";
                }
                if (m.inReplyTo != null && $Object.hasOwnProperty.call(m, "inReplyTo")) {
                    if (!$util.isString(m.inReplyTo))
                        return "inReplyTo: string expected";
                }
                if (m.pingSentAtMs != null && $Object.hasOwnProperty.call(m, "pingSentAtMs")) {
                    if (!$util.isInteger(m.pingSentAtMs) && !(m.pingSentAtMs && $util.isInteger(m.pingSentAtMs.low) && $util.isInteger(m.pingSentAtMs.high)))
                        return "pingSentAtMs: integer|Long expected";
                }
                return null;
            };

            /**
             * Creates a Pong message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof datanet.v1.Pong
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {datanet.v1.Pong} Pong
             */
            Pong.fromObject = function (d, q) {
                if (d instanceof $root.datanet.v1.Pong)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".datanet.v1.Pong: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.datanet.v1.Pong();
                if (d.text != null) {
                    if (typeof d.text !== "string" || d.text.length) {
                        m.text = $String(d.text);
                    }
                }
                if (d.inReplyTo != null) {
                    if (typeof d.inReplyTo !== "string" || d.inReplyTo.length) {
                        m.inReplyTo = $String(d.inReplyTo);
                    }
                }
                if (d.pingSentAtMs != null) {
                    if (typeof d.pingSentAtMs === "object" ? d.pingSentAtMs.low || d.pingSentAtMs.high : $Number(d.pingSentAtMs) !== 0) {
                        if ($util.Long)
                            m.pingSentAtMs = $util.Long.fromValue(d.pingSentAtMs, false);
                        else if (typeof d.pingSentAtMs === "string")
                            m.pingSentAtMs = $parseInt(d.pingSentAtMs, 10);
                        else if (typeof d.pingSentAtMs === "number")
                            m.pingSentAtMs = d.pingSentAtMs;
                        else if (typeof d.pingSentAtMs === "object")
                            m.pingSentAtMs = new $util.LongBits(d.pingSentAtMs.low >>> 0, d.pingSentAtMs.high >>> 0).toNumber();
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Pong message. Also converts values to other types if specified.
             * @function toObject
             * @memberof datanet.v1.Pong
             * @static
             * @param {datanet.v1.Pong} m Pong
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Pong.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.text = "";
                    d.inReplyTo = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.pingSentAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.pingSentAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.text != null && $Object.hasOwnProperty.call(m, "text")) {
                    d.text = m.text;
                }
                if (m.inReplyTo != null && $Object.hasOwnProperty.call(m, "inReplyTo")) {
                    d.inReplyTo = m.inReplyTo;
                }
                if (m.pingSentAtMs != null && $Object.hasOwnProperty.call(m, "pingSentAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.pingSentAtMs = typeof m.pingSentAtMs === "number" ? $BigInt(m.pingSentAtMs) : $util.Long.fromBits(m.pingSentAtMs.low >>> 0, m.pingSentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.pingSentAtMs === "number")
                        d.pingSentAtMs = o.longs === $String ? $String(m.pingSentAtMs) : m.pingSentAtMs;
                    else
                        d.pingSentAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.pingSentAtMs) : o.longs === $Number ? new $util.LongBits(m.pingSentAtMs.low >>> 0, m.pingSentAtMs.high >>> 0).toNumber() : m.pingSentAtMs;
                }
                return d;
            };

            /**
             * Converts this Pong to JSON.
             * @function toJSON
             * @memberof datanet.v1.Pong
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Pong.prototype.toJSON = function() {
                return Pong.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Pong
             * @function getTypeUrl
             * @memberof datanet.v1.Pong
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Pong.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/datanet.v1.Pong";
            };

            return Pong;
        })();

        return v1;
    })();

    return datanet;
})();

export {
  $root as default
};
