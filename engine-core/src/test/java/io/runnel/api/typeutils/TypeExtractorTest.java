package io.runnel.api.typeutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.Collector;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

    record Word(String text) {
    }

    static final class Length implements MapFunction<String, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer map(String value) {
            return value.length();
        }
    }

    abstract static class Base<X> extends ProcessFunction<String, X> {
        private static final long serialVersionUID = 1L;
    }

    static final class ToWord extends Base<Word> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, Context ctx, Collector<Word> out) {
            out.collect(new Word(value));
        }
    }

    @Test
    void findsOutputTypesOfClassesLambdasAndMethodReferences() {
        assertEquals(Integer.class, TypeExtractor.outputType(new Length(), MapFunction.class, 1, true).getTypeClass());
        assertEquals(Word.class, TypeExtractor.outputType(new ToWord(), ProcessFunction.class, 1, false)
                .getTypeClass());
        MapFunction<Long, Long> lambda = x -> x * 3 + 1;
        assertEquals(Long.class, TypeExtractor.outputType(lambda, MapFunction.class, 1, true).getTypeClass());
        MapFunction<String, Word> ctor = Word::new;
        assertEquals(Word.class, TypeExtractor.outputType(ctor, MapFunction.class, 1, true).getTypeClass());
        MapFunction<String, Integer> primitive = String::length;
        assertEquals(Integer.class, TypeExtractor.outputType(primitive, MapFunction.class, 1, true).getTypeClass());
    }

    @Test
    void fallsBackToGenericWhenErasureHidesTheType() {
        FlatMapFunction<String, String> viaCollector = (s, out) -> out.collect(s);
        assertTrue(TypeExtractor.outputType(viaCollector, FlatMapFunction.class, 1, false).isGeneric());
        MapFunction<Object, Object> identity = x -> x;
        assertTrue(TypeExtractor.outputType(identity, MapFunction.class, 1, true).isGeneric());
    }
}
