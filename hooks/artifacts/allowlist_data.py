# ruff: noqa: E501 (generated: a refused entry's call path is one line)
"""Framework classes allowed in pickles, introspected by scripts/gen_allowlist.py from:
torch 2.14.1+cu130;
scikit-learn 1.9.1;
numpy 2.4.6;
pandas 3.1.1;
scipy 1.17.1;
lightgbm 4.7.0;
transformers 5.24.0, accelerate 1.15.0;
trl 1.16.0, sentence-transformers 6.3.0;
ultralytics 8.4.190;
pyannote.audio 4.0.7;
pandas 2.3.3;
transformers 5.25.0, accelerate 1.16.0;
networkx 3.6.1;
optuna 5.1.0;
nltk 3.10.4;
lifelines 0.30.3;
river 0.26.1;
hdbscan 0.8.44;
shap 0.51.0;
sktime 1.2.0;
prophet 1.5.0;
pandas 1.5.3.

Generated; edit the script, not this file."""

# One `module name` pair per line; a string loads faster than 2,000 tuple constants.
GENERATED_ALLOWED = """\
accelerate.commands.menu.helpers Direction
accelerate.commands.to_fsdp2 ConversionStatus
accelerate.parallelism_config ParallelismConfig
accelerate.state AcceleratorState
accelerate.state GradientState
accelerate.state PartialState
accelerate.state ThreadLocalSharedDict
accelerate.utils.dataclasses AORecipeKwargs
accelerate.utils.dataclasses AutocastKwargs
accelerate.utils.dataclasses BaseEnum
accelerate.utils.dataclasses BnbQuantizationConfig
accelerate.utils.dataclasses ComputeEnvironment
accelerate.utils.dataclasses CustomDtype
accelerate.utils.dataclasses DDPCommunicationHookType
accelerate.utils.dataclasses DataLoaderConfiguration
accelerate.utils.dataclasses DeepSpeedPlugin
accelerate.utils.dataclasses DeepSpeedSequenceParallelConfig
accelerate.utils.dataclasses DistributedDataParallelKwargs
accelerate.utils.dataclasses DistributedType
accelerate.utils.dataclasses DynamoBackend
accelerate.utils.dataclasses EnumWithContains
accelerate.utils.dataclasses FP8BackendType
accelerate.utils.dataclasses FP8RecipeKwargs
accelerate.utils.dataclasses FullyShardedDataParallelPlugin
accelerate.utils.dataclasses GradScalerKwargs
accelerate.utils.dataclasses GradientAccumulationPlugin
accelerate.utils.dataclasses InitProcessGroupKwargs
accelerate.utils.dataclasses KwargsHandler
accelerate.utils.dataclasses LoggerType
accelerate.utils.dataclasses MSAMPRecipeKwargs
accelerate.utils.dataclasses MegatronLMPlugin
accelerate.utils.dataclasses PrecisionType
accelerate.utils.dataclasses ProfileKwargs
accelerate.utils.dataclasses ProjectConfiguration
accelerate.utils.dataclasses RNGType
accelerate.utils.dataclasses SageMakerDistributedType
accelerate.utils.dataclasses TERecipeKwargs
accelerate.utils.dataclasses TensorInformation
accelerate.utils.dataclasses TorchContextParallelConfig
accelerate.utils.dataclasses TorchDynamoPlugin
accelerate.utils.dataclasses TorchTensorParallelConfig
accelerate.utils.dataclasses TorchTensorParallelPlugin
catboost.core EFeaturesSelectionAlgorithm
catboost.core EFeaturesSelectionGrouping
catboost.core EFstrType
catboost.core EShapCalcType
catboost.eval.catboost_evaluation EvalType
catboost.eval.evaluation_result ScoreType
catboost.eval.factor_utils LabelMode
catboost.hnsw.hnsw EDistance
catboost.hnsw.hnsw EVectorComponentType
category_encoders.utils EncodingRelation
cmdstanpy.cmdstan_args Method
dateutil.parser._parser _ymd
formulaic.formula OrderingMethod
formulaic.materializers.types.enums ClusterBy
formulaic.materializers.types.enums NAAction
formulaic.transforms.basis_spline SplineExtrapolation
formulaic.utils.sentinels Sentinel
lifelines.utils CensoringType
lightgbm.basic Booster
lightgbm.basic Dataset
lightgbm.basic EvalResult
lightgbm.basic LGBMDeprecationWarning
lightgbm.basic LightGBMError
lightgbm.basic Sequence
lightgbm.basic _ConfigAliases
lightgbm.basic _DummyLogger
lightgbm.basic _InnerPredictor
lightgbm.basic _MissingType
lightgbm.basic _TempFile
lightgbm.dask _DatasetNames
lightgbm.sklearn LGBMClassifier
lightgbm.sklearn LGBMModel
lightgbm.sklearn LGBMRanker
lightgbm.sklearn LGBMRegressor
lightgbm.sklearn _EvalFunctionWrapper
lightgbm.sklearn _ObjectiveFunctionWrapper
lightning.fabric.accelerators.registry _AcceleratorRegistry
lightning.fabric.strategies.registry _StrategyRegistry
lightning.fabric.utilities.data AttributeDict
lightning.fabric.utilities.data _WrapAttrTag
lightning.fabric.utilities.throughput _MonotonicWindow
lightning.pytorch.callbacks.early_stopping EarlyStoppingReason
lightning.pytorch.callbacks.prediction_writer WriteInterval
lightning.pytorch.callbacks.pruning _LayerRef
lightning.pytorch.callbacks.timer Interval
lightning.pytorch.trainer.connectors.logger_connector.result _METRICS
lightning.pytorch.trainer.connectors.logger_connector.result _ResultCollection
lightning.pytorch.trainer.states RunningStage
lightning.pytorch.trainer.states TrainerFn
lightning.pytorch.trainer.states TrainerStatus
lightning.pytorch.utilities.combined_loader _CombinationMode
lightning.pytorch.utilities.enums GradClipAlgorithmType
lightning.pytorch.utilities.parsing AttributeDict
lightning.pytorch.utilities.types LRSchedulerConfigType
lightning.pytorch.utilities.types OptimizerConfig
lightning.pytorch.utilities.types OptimizerLRSchedulerConfig
lightning_fabric.accelerators.registry _AcceleratorRegistry
lightning_fabric.strategies.registry _StrategyRegistry
lightning_fabric.utilities.data AttributeDict
lightning_fabric.utilities.data _WrapAttrTag
lightning_fabric.utilities.throughput _MonotonicWindow
networkx.algorithms.cycles _NeighborhoodCache
networkx.algorithms.tree.mst EdgePartition
networkx.readwrite.gml Pattern
nltk.collections OrderedDict
nltk.collections Trie
nltk.corpus.reader.bnc BNCSentence
nltk.corpus.reader.conll ConllSRLInstanceList
nltk.corpus.reader.framenet AttrDict
nltk.corpus.reader.framenet PrettyDict
nltk.corpus.reader.framenet PrettyList
nltk.corpus.reader.framenet SpecialList
nltk.corpus.reader.panlex_lite Meaning
nltk.corpus.reader.semcor SemcorSentence
nltk.corpus.reader.switchboard SwitchboardTurn
nltk.inference.nonmonotonic SetHolder
nltk.inference.resolution Clause
nltk.pathsec _Why
nltk.probability ConditionalFreqDist
nltk.probability ConditionalProbDist
nltk.probability ConditionalProbDistI
nltk.probability DictionaryConditionalProbDist
nltk.probability FreqDist
nltk.sem.drt PossibleAntecedents
nltk.sem.evaluate Assignment
nltk.sem.evaluate Valuation
nltk.sem.glue DrtGlueDict
nltk.sem.glue GlueDict
nltk.sem.lfg FStructure
nltk.tree.immutable ImmutableMultiParentedTree
nltk.tree.immutable ImmutableParentedTree
nltk.tree.immutable ImmutableProbabilisticTree
nltk.tree.immutable ImmutableTree
nltk.tree.parented AbstractParentedTree
nltk.tree.parented MultiParentedTree
nltk.tree.parented ParentedTree
nltk.tree.probabilistic ProbabilisticTree
nltk.tree.tree Tree
nltk.util Index
numpy _CopyMode
numpy.__config__ DisplayModes
numpy._typing._dtype_like _DTypeDict
numpy._typing._dtype_like _DTypeDictBase
numpy.random._generator __pyx_unpickle_Enum
numpy.random.bit_generator __pyx_unpickle_SeedSequence
numpy.random.bit_generator __pyx_unpickle_SeedlessSeedSequence
optuna._gp.search_space _ScaleType
optuna.cli ValueType
optuna.storages.journal._storage JournalOperation
optuna.study._study_direction StudyDirection
optuna.trial._state TrialState
optuna.trial._trial _LazyTrialSystemAttrs
optuna.visualization._optimization_history _ValueState
pandas ArrowDtype
pandas BooleanDtype
pandas Categorical
pandas CategoricalDtype
pandas CategoricalIndex
pandas DataFrame
pandas DateOffset
pandas DatetimeIndex
pandas DatetimeTZDtype
pandas Flags
pandas Float32Dtype
pandas Float64Dtype
pandas Grouper
pandas Index
pandas Int16Dtype
pandas Int32Dtype
pandas Int64Dtype
pandas Int8Dtype
pandas Interval
pandas IntervalDtype
pandas IntervalIndex
pandas MultiIndex
pandas NA
pandas NaT
pandas NamedAgg
pandas Period
pandas PeriodDtype
pandas PeriodIndex
pandas RangeIndex
pandas Series
pandas SparseDtype
pandas StringDtype
pandas Timedelta
pandas TimedeltaIndex
pandas Timestamp
pandas UInt16Dtype
pandas UInt32Dtype
pandas UInt64Dtype
pandas UInt8Dtype
pandas._libs._cyutility __pyx_unpickle_Enum
pandas._libs.algos Infinity
pandas._libs.algos NegInfinity
pandas._libs.algos __pyx_unpickle_Enum
pandas._libs.arrays NDArrayBacked
pandas._libs.arrays __pyx_unpickle_NDArrayBacked
pandas._libs.groupby __pyx_unpickle_Enum
pandas._libs.hashing __pyx_unpickle_Enum
pandas._libs.hashtable Complex128Factorizer
pandas._libs.hashtable Complex128HashTable
pandas._libs.hashtable Complex128Vector
pandas._libs.hashtable Complex64Factorizer
pandas._libs.hashtable Complex64HashTable
pandas._libs.hashtable Complex64Vector
pandas._libs.hashtable Factorizer
pandas._libs.hashtable Float32Factorizer
pandas._libs.hashtable Float32HashTable
pandas._libs.hashtable Float32Vector
pandas._libs.hashtable Float64Factorizer
pandas._libs.hashtable Float64HashTable
pandas._libs.hashtable Float64Vector
pandas._libs.hashtable HashTable
pandas._libs.hashtable Int16Factorizer
pandas._libs.hashtable Int16HashTable
pandas._libs.hashtable Int16Vector
pandas._libs.hashtable Int32Factorizer
pandas._libs.hashtable Int32HashTable
pandas._libs.hashtable Int32Vector
pandas._libs.hashtable Int64Factorizer
pandas._libs.hashtable Int64HashTable
pandas._libs.hashtable Int64Vector
pandas._libs.hashtable Int8Factorizer
pandas._libs.hashtable Int8HashTable
pandas._libs.hashtable Int8Vector
pandas._libs.hashtable ObjectFactorizer
pandas._libs.hashtable ObjectVector
pandas._libs.hashtable PyObjectHashTable
pandas._libs.hashtable StringHashTable
pandas._libs.hashtable StringVector
pandas._libs.hashtable UInt16Factorizer
pandas._libs.hashtable UInt16HashTable
pandas._libs.hashtable UInt16Vector
pandas._libs.hashtable UInt32Factorizer
pandas._libs.hashtable UInt32HashTable
pandas._libs.hashtable UInt32Vector
pandas._libs.hashtable UInt64Factorizer
pandas._libs.hashtable UInt64HashTable
pandas._libs.hashtable UInt64Vector
pandas._libs.hashtable UInt8Factorizer
pandas._libs.hashtable UInt8HashTable
pandas._libs.hashtable UInt8Vector
pandas._libs.hashtable Vector
pandas._libs.hashtable __pyx_unpickle_Enum
pandas._libs.hashtable __pyx_unpickle_HashTable
pandas._libs.index BaseMultiIndexCodesEngine
pandas._libs.index BoolEngine
pandas._libs.index Complex128Engine
pandas._libs.index Complex64Engine
pandas._libs.index DatetimeEngine
pandas._libs.index ExtensionEngine
pandas._libs.index Float32Engine
pandas._libs.index Float64Engine
pandas._libs.index IndexEngine
pandas._libs.index Int16Engine
pandas._libs.index Int32Engine
pandas._libs.index Int64Engine
pandas._libs.index Int8Engine
pandas._libs.index MaskedBoolEngine
pandas._libs.index MaskedComplex128Engine
pandas._libs.index MaskedComplex64Engine
pandas._libs.index MaskedFloat32Engine
pandas._libs.index MaskedFloat64Engine
pandas._libs.index MaskedIndexEngine
pandas._libs.index MaskedInt16Engine
pandas._libs.index MaskedInt32Engine
pandas._libs.index MaskedInt64Engine
pandas._libs.index MaskedInt8Engine
pandas._libs.index MaskedUInt16Engine
pandas._libs.index MaskedUInt32Engine
pandas._libs.index MaskedUInt64Engine
pandas._libs.index MaskedUInt8Engine
pandas._libs.index ObjectEngine
pandas._libs.index PeriodEngine
pandas._libs.index StringEngine
pandas._libs.index StringObjectEngine
pandas._libs.index TimedeltaEngine
pandas._libs.index UInt16Engine
pandas._libs.index UInt32Engine
pandas._libs.index UInt64Engine
pandas._libs.index UInt8Engine
pandas._libs.index __pyx_unpickle_BaseMultiIndexCodesEngine
pandas._libs.index __pyx_unpickle_BoolEngine
pandas._libs.index __pyx_unpickle_Complex128Engine
pandas._libs.index __pyx_unpickle_Complex64Engine
pandas._libs.index __pyx_unpickle_DatetimeEngine
pandas._libs.index __pyx_unpickle_Enum
pandas._libs.index __pyx_unpickle_ExtensionEngine
pandas._libs.index __pyx_unpickle_Float32Engine
pandas._libs.index __pyx_unpickle_Float64Engine
pandas._libs.index __pyx_unpickle_IndexEngine
pandas._libs.index __pyx_unpickle_Int16Engine
pandas._libs.index __pyx_unpickle_Int32Engine
pandas._libs.index __pyx_unpickle_Int64Engine
pandas._libs.index __pyx_unpickle_Int8Engine
pandas._libs.index __pyx_unpickle_MaskedBoolEngine
pandas._libs.index __pyx_unpickle_MaskedComplex128Engine
pandas._libs.index __pyx_unpickle_MaskedComplex64Engine
pandas._libs.index __pyx_unpickle_MaskedFloat32Engine
pandas._libs.index __pyx_unpickle_MaskedFloat64Engine
pandas._libs.index __pyx_unpickle_MaskedIndexEngine
pandas._libs.index __pyx_unpickle_MaskedInt16Engine
pandas._libs.index __pyx_unpickle_MaskedInt32Engine
pandas._libs.index __pyx_unpickle_MaskedInt64Engine
pandas._libs.index __pyx_unpickle_MaskedInt8Engine
pandas._libs.index __pyx_unpickle_MaskedUInt16Engine
pandas._libs.index __pyx_unpickle_MaskedUInt32Engine
pandas._libs.index __pyx_unpickle_MaskedUInt64Engine
pandas._libs.index __pyx_unpickle_MaskedUInt8Engine
pandas._libs.index __pyx_unpickle_ObjectEngine
pandas._libs.index __pyx_unpickle_PeriodEngine
pandas._libs.index __pyx_unpickle_SharedEngine
pandas._libs.index __pyx_unpickle_StringEngine
pandas._libs.index __pyx_unpickle_StringObjectEngine
pandas._libs.index __pyx_unpickle_TimedeltaEngine
pandas._libs.index __pyx_unpickle_UInt16Engine
pandas._libs.index __pyx_unpickle_UInt32Engine
pandas._libs.index __pyx_unpickle_UInt64Engine
pandas._libs.index __pyx_unpickle_UInt8Engine
pandas._libs.indexing NDFrameIndexerBase
pandas._libs.indexing __pyx_unpickle_NDFrameIndexerBase
pandas._libs.internals Block
pandas._libs.internals BlockManager
pandas._libs.internals BlockPlacement
pandas._libs.internals BlockValuesRefs
pandas._libs.internals NDArrayBackedBlock
pandas._libs.internals NumpyBlock
pandas._libs.internals SharedBlock
pandas._libs.internals __pyx_unpickle_Enum
pandas._libs.internals _unpickle_block
pandas._libs.interval Interval
pandas._libs.interval IntervalMixin
pandas._libs.interval IntervalTree
pandas._libs.interval __pyx_unpickle_Enum
pandas._libs.interval __pyx_unpickle_Float64ClosedBothIntervalNode
pandas._libs.interval __pyx_unpickle_Float64ClosedLeftIntervalNode
pandas._libs.interval __pyx_unpickle_Float64ClosedNeitherIntervalNode
pandas._libs.interval __pyx_unpickle_Float64ClosedRightIntervalNode
pandas._libs.interval __pyx_unpickle_Int64ClosedBothIntervalNode
pandas._libs.interval __pyx_unpickle_Int64ClosedLeftIntervalNode
pandas._libs.interval __pyx_unpickle_Int64ClosedNeitherIntervalNode
pandas._libs.interval __pyx_unpickle_Int64ClosedRightIntervalNode
pandas._libs.interval __pyx_unpickle_IntervalMixin
pandas._libs.interval __pyx_unpickle_IntervalNode
pandas._libs.interval __pyx_unpickle_IntervalTree
pandas._libs.interval __pyx_unpickle_Uint64ClosedBothIntervalNode
pandas._libs.interval __pyx_unpickle_Uint64ClosedLeftIntervalNode
pandas._libs.interval __pyx_unpickle_Uint64ClosedNeitherIntervalNode
pandas._libs.interval __pyx_unpickle_Uint64ClosedRightIntervalNode
pandas._libs.join __pyx_unpickle_Enum
pandas._libs.lib _NoDefault
pandas._libs.lib __pyx_unpickle_Enum
pandas._libs.missing C_NAType
pandas._libs.missing NAType
pandas._libs.missing __pyx_unpickle_C_NAType
pandas._libs.ops __pyx_unpickle_Enum
pandas._libs.parsers TextReader
pandas._libs.parsers __pyx_unpickle_Enum
pandas._libs.properties AxisProperty
pandas._libs.properties CachedProperty
pandas._libs.properties __pyx_unpickle_AxisProperty
pandas._libs.properties __pyx_unpickle_CachedProperty
pandas._libs.reshape __pyx_unpickle_Enum
pandas._libs.sas Parser
pandas._libs.sas __pyx_unpickle_Enum
pandas._libs.sparse BlockIndex
pandas._libs.sparse IntIndex
pandas._libs.sparse SparseIndex
pandas._libs.sparse __pyx_unpickle_BlockMerge
pandas._libs.sparse __pyx_unpickle_BlockUnion
pandas._libs.sparse __pyx_unpickle_Enum
pandas._libs.sparse __pyx_unpickle_SparseIndex
pandas._libs.tslib __pyx_unpickle_Enum
pandas._libs.tslibs.base ABCTimestamp
pandas._libs.tslibs.base __pyx_unpickle_ABCTimestamp
pandas._libs.tslibs.conversion __pyx_unpickle_Enum
pandas._libs.tslibs.dtypes FreqGroup
pandas._libs.tslibs.dtypes NpyDatetimeUnit
pandas._libs.tslibs.dtypes PeriodDtypeBase
pandas._libs.tslibs.dtypes Resolution
pandas._libs.tslibs.fields RoundTo
pandas._libs.tslibs.fields __pyx_unpickle_Enum
pandas._libs.tslibs.nattype NaTType
pandas._libs.tslibs.nattype __nat_unpickle
pandas._libs.tslibs.nattype __pyx_unpickle__NaT
pandas._libs.tslibs.np_datetime OutOfBoundsDatetime
pandas._libs.tslibs.np_datetime OutOfBoundsTimedelta
pandas._libs.tslibs.offsets ApplyTypeError
pandas._libs.tslibs.offsets BHalfYearBegin
pandas._libs.tslibs.offsets BHalfYearEnd
pandas._libs.tslibs.offsets BQuarterBegin
pandas._libs.tslibs.offsets BQuarterEnd
pandas._libs.tslibs.offsets BYearBegin
pandas._libs.tslibs.offsets BYearEnd
pandas._libs.tslibs.offsets BaseOffset
pandas._libs.tslibs.offsets BusinessDay
pandas._libs.tslibs.offsets BusinessHour
pandas._libs.tslibs.offsets BusinessMixin
pandas._libs.tslibs.offsets BusinessMonthBegin
pandas._libs.tslibs.offsets BusinessMonthEnd
pandas._libs.tslibs.offsets CustomBusinessDay
pandas._libs.tslibs.offsets CustomBusinessHour
pandas._libs.tslibs.offsets CustomBusinessMonthBegin
pandas._libs.tslibs.offsets CustomBusinessMonthEnd
pandas._libs.tslibs.offsets DateOffset
pandas._libs.tslibs.offsets Day
pandas._libs.tslibs.offsets Easter
pandas._libs.tslibs.offsets FY5253
pandas._libs.tslibs.offsets FY5253Mixin
pandas._libs.tslibs.offsets FY5253Quarter
pandas._libs.tslibs.offsets HalfYearBegin
pandas._libs.tslibs.offsets HalfYearEnd
pandas._libs.tslibs.offsets HalfYearOffset
pandas._libs.tslibs.offsets Hour
pandas._libs.tslibs.offsets LastWeekOfMonth
pandas._libs.tslibs.offsets Micro
pandas._libs.tslibs.offsets Milli
pandas._libs.tslibs.offsets Minute
pandas._libs.tslibs.offsets MonthBegin
pandas._libs.tslibs.offsets MonthEnd
pandas._libs.tslibs.offsets MonthOffset
pandas._libs.tslibs.offsets Nano
pandas._libs.tslibs.offsets OffsetMeta
pandas._libs.tslibs.offsets QuarterBegin
pandas._libs.tslibs.offsets QuarterEnd
pandas._libs.tslibs.offsets QuarterOffset
pandas._libs.tslibs.offsets RelativeDeltaOffset
pandas._libs.tslibs.offsets Second
pandas._libs.tslibs.offsets SemiMonthBegin
pandas._libs.tslibs.offsets SemiMonthEnd
pandas._libs.tslibs.offsets SemiMonthOffset
pandas._libs.tslibs.offsets SingleConstructorOffset
pandas._libs.tslibs.offsets Tick
pandas._libs.tslibs.offsets Week
pandas._libs.tslibs.offsets WeekOfMonth
pandas._libs.tslibs.offsets WeekOfMonthMixin
pandas._libs.tslibs.offsets YearBegin
pandas._libs.tslibs.offsets YearEnd
pandas._libs.tslibs.offsets YearOffset
pandas._libs.tslibs.offsets __pyx_unpickle_BaseOffset
pandas._libs.tslibs.offsets __pyx_unpickle_RelativeDeltaOffset
pandas._libs.tslibs.parsing DateParseError
pandas._libs.tslibs.parsing __pyx_unpickle_Enum
pandas._libs.tslibs.period IncompatibleFrequency
pandas._libs.tslibs.period Period
pandas._libs.tslibs.period PeriodMixin
pandas._libs.tslibs.period __pyx_unpickle_Enum
pandas._libs.tslibs.period __pyx_unpickle_PeriodMixin
pandas._libs.tslibs.strptime DatetimeParseState
pandas._libs.tslibs.strptime TimeRE
pandas._libs.tslibs.strptime __pyx_unpickle_Enum
pandas._libs.tslibs.timedeltas MinMaxReso
pandas._libs.tslibs.timedeltas ResoState
pandas._libs.tslibs.timedeltas Timedelta
pandas._libs.tslibs.timedeltas __pyx_unpickle_Enum
pandas._libs.tslibs.timedeltas __pyx_unpickle__Timedelta
pandas._libs.tslibs.timedeltas _timedelta_unpickle
pandas._libs.tslibs.timestamps MinMaxReso
pandas._libs.tslibs.timestamps Timestamp
pandas._libs.tslibs.timestamps __pyx_unpickle_Enum
pandas._libs.tslibs.timestamps _unpickle_timestamp
pandas._libs.tslibs.timezones __pyx_unpickle_Enum
pandas._libs.tslibs.tzconversion Localizer
pandas._libs.tslibs.tzconversion __pyx_unpickle_Enum
pandas._libs.tslibs.vectorized __pyx_unpickle_Enum
pandas._libs.window.aggregations __pyx_unpickle_Enum
pandas._libs.window.indexers __pyx_unpickle_Enum
pandas._libs.writers __pyx_unpickle_Enum
pandas._typing ArrowArrayExportable
pandas._typing ArrowStreamExportable
pandas._typing BaseBuffer
pandas._typing ReadBuffer
pandas._typing ReadCsvBuffer
pandas._typing ReadPickleBuffer
pandas._typing SequenceNotStr
pandas._typing WriteBuffer
pandas._typing WriteExcelBuffer
pandas._version NotThisMethod
pandas._version VersioneerConfig
pandas.arrays ArrowExtensionArray
pandas.arrays ArrowStringArray
pandas.arrays BooleanArray
pandas.arrays DatetimeArray
pandas.arrays FloatingArray
pandas.arrays IntegerArray
pandas.arrays IntervalArray
pandas.arrays NumpyExtensionArray
pandas.arrays PeriodArray
pandas.arrays SparseArray
pandas.arrays StringArray
pandas.arrays TimedeltaArray
pandas.core._numba.extensions ILocModel
pandas.core._numba.extensions IlocType
pandas.core._numba.extensions IndexModel
pandas.core._numba.extensions IndexType
pandas.core._numba.extensions SeriesModel
pandas.core._numba.extensions SeriesType
pandas.core.accessor Accessor
pandas.core.accessor CachedAccessor
pandas.core.accessor DirNamesMixin
pandas.core.accessor PandasDelegate
pandas.core.algorithms SelectN
pandas.core.algorithms SelectNFrame
pandas.core.algorithms SelectNSeries
pandas.core.algorithms _reconstruct_data
pandas.core.apply Apply
pandas.core.apply FrameApply
pandas.core.apply FrameColumnApply
pandas.core.apply FrameRowApply
pandas.core.apply GroupByApply
pandas.core.apply NDFrameApply
pandas.core.apply ResamplerWindowApply
pandas.core.apply SeriesApply
pandas.core.arraylike OpsMixin
pandas.core.arrays._arrow_string_mixins ArrowStringArrayMixin
pandas.core.arrays._mixins NDArrayBackedExtensionArray
pandas.core.arrays.arrow.accessors ArrowAccessor
pandas.core.arrays.arrow.accessors ListAccessor
pandas.core.arrays.arrow.accessors StructAccessor
pandas.core.arrays.arrow.array ArrowExtensionArray
pandas.core.arrays.arrow.dtype ArrowDtype
pandas.core.arrays.arrow.extension_types ArrowIntervalType
pandas.core.arrays.arrow.extension_types ArrowPeriodType
pandas.core.arrays.base ExtensionArray
pandas.core.arrays.base ExtensionArrayNaResult
pandas.core.arrays.base ExtensionArraySupportsAnyAll
pandas.core.arrays.base ExtensionOpsMixin
pandas.core.arrays.base ExtensionScalarOpsMixin
pandas.core.arrays.boolean BooleanArray
pandas.core.arrays.boolean BooleanDtype
pandas.core.arrays.categorical Categorical
pandas.core.arrays.categorical CategoricalAccessor
pandas.core.arrays.datetimelike DatelikeOps
pandas.core.arrays.datetimelike DatetimeLikeArrayMixin
pandas.core.arrays.datetimelike InvalidComparison
pandas.core.arrays.datetimelike TimelikeOps
pandas.core.arrays.datetimes DatetimeArray
pandas.core.arrays.floating Float32Dtype
pandas.core.arrays.floating Float64Dtype
pandas.core.arrays.floating FloatingArray
pandas.core.arrays.floating FloatingDtype
pandas.core.arrays.integer Int16Dtype
pandas.core.arrays.integer Int32Dtype
pandas.core.arrays.integer Int64Dtype
pandas.core.arrays.integer Int8Dtype
pandas.core.arrays.integer IntegerArray
pandas.core.arrays.integer IntegerDtype
pandas.core.arrays.integer UInt16Dtype
pandas.core.arrays.integer UInt32Dtype
pandas.core.arrays.integer UInt64Dtype
pandas.core.arrays.integer UInt8Dtype
pandas.core.arrays.interval IntervalArray
pandas.core.arrays.masked BaseMaskedArray
pandas.core.arrays.numeric NumericArray
pandas.core.arrays.numeric NumericDtype
pandas.core.arrays.numpy_ NumpyExtensionArray
pandas.core.arrays.numpy_ PandasArray
pandas.core.arrays.period PeriodArray
pandas.core.arrays.sparse.accessor BaseAccessor
pandas.core.arrays.sparse.accessor SparseAccessor
pandas.core.arrays.sparse.accessor SparseFrameAccessor
pandas.core.arrays.sparse.array SparseArray
pandas.core.arrays.sparse.dtype SparseDtype
pandas.core.arrays.string_ BaseStringArray
pandas.core.arrays.string_ StringArray
pandas.core.arrays.string_ StringArrayNumpySemantics
pandas.core.arrays.string_ StringDtype
pandas.core.arrays.string_arrow ArrowStringArray
pandas.core.arrays.string_arrow ArrowStringArrayNumpySemantics
pandas.core.arrays.timedeltas TimedeltaArray
pandas.core.base IndexOpsMixin
pandas.core.base NoNewAttributesMixin
pandas.core.base PandasObject
pandas.core.base SelectionMixin
pandas.core.describe DataFrameDescriber
pandas.core.describe NDFrameDescriberAbstract
pandas.core.describe SeriesDescriber
pandas.core.dtypes.base ExtensionDtype
pandas.core.dtypes.base Registry
pandas.core.dtypes.base StorageExtensionDtype
pandas.core.dtypes.cast LossySetitemError
pandas.core.dtypes.dtypes ArrowDtype
pandas.core.dtypes.dtypes BaseMaskedDtype
pandas.core.dtypes.dtypes CategoricalDtype
pandas.core.dtypes.dtypes CategoricalDtypeType
pandas.core.dtypes.dtypes DatetimeTZDtype
pandas.core.dtypes.dtypes IntervalDtype
pandas.core.dtypes.dtypes NumpyEADtype
pandas.core.dtypes.dtypes PandasDtype
pandas.core.dtypes.dtypes PandasExtensionDtype
pandas.core.dtypes.dtypes PeriodDtype
pandas.core.dtypes.dtypes SparseDtype
pandas.core.dtypes.generic ABCCategorical
pandas.core.dtypes.generic ABCCategoricalIndex
pandas.core.dtypes.generic ABCDataFrame
pandas.core.dtypes.generic ABCDatetimeArray
pandas.core.dtypes.generic ABCDatetimeIndex
pandas.core.dtypes.generic ABCExtensionArray
pandas.core.dtypes.generic ABCFloat64Index
pandas.core.dtypes.generic ABCIndex
pandas.core.dtypes.generic ABCInt64Index
pandas.core.dtypes.generic ABCIntervalIndex
pandas.core.dtypes.generic ABCMultiIndex
pandas.core.dtypes.generic ABCNDFrame
pandas.core.dtypes.generic ABCNumpyExtensionArray
pandas.core.dtypes.generic ABCPandasArray
pandas.core.dtypes.generic ABCPeriodArray
pandas.core.dtypes.generic ABCPeriodIndex
pandas.core.dtypes.generic ABCRangeIndex
pandas.core.dtypes.generic ABCSeries
pandas.core.dtypes.generic ABCTimedeltaArray
pandas.core.dtypes.generic ABCTimedeltaIndex
pandas.core.dtypes.generic ABCUInt64Index
pandas.core.flags Flags
pandas.core.frame DataFrame
pandas.core.generic NDFrame
pandas.core.groupby.base OutputKey
pandas.core.groupby.generic DataFrameGroupBy
pandas.core.groupby.generic NamedAgg
pandas.core.groupby.generic SeriesGroupBy
pandas.core.groupby.groupby BaseGroupBy
pandas.core.groupby.groupby GroupBy
pandas.core.groupby.groupby GroupByPlot
pandas.core.groupby.grouper Grouper
pandas.core.groupby.grouper Grouping
pandas.core.groupby.indexing GroupByIndexingMixin
pandas.core.groupby.indexing GroupByNthSelector
pandas.core.groupby.indexing GroupByPositionalSelector
pandas.core.groupby.ops BaseGrouper
pandas.core.groupby.ops BinGrouper
pandas.core.groupby.ops DataSplitter
pandas.core.groupby.ops FrameSplitter
pandas.core.groupby.ops SeriesSplitter
pandas.core.groupby.ops WrappedCythonOp
pandas.core.index _new_Index
pandas.core.indexers.objects BaseIndexer
pandas.core.indexers.objects ExpandingIndexer
pandas.core.indexers.objects ExponentialMovingWindowIndexer
pandas.core.indexers.objects FixedForwardWindowIndexer
pandas.core.indexers.objects FixedWindowIndexer
pandas.core.indexers.objects GroupByIndexer
pandas.core.indexers.objects GroupbyIndexer
pandas.core.indexers.objects VariableOffsetWindowIndexer
pandas.core.indexers.objects VariableWindowIndexer
pandas.core.indexes.accessors ArrowTemporalProperties
pandas.core.indexes.accessors CombinedDatetimelikeProperties
pandas.core.indexes.accessors DatetimeProperties
pandas.core.indexes.accessors PeriodProperties
pandas.core.indexes.accessors Properties
pandas.core.indexes.accessors TimedeltaProperties
pandas.core.indexes.base Index
pandas.core.indexes.base _new_Index
pandas.core.indexes.category CategoricalIndex
pandas.core.indexes.datetimelike DatetimeIndexOpsMixin
pandas.core.indexes.datetimelike DatetimeTimedeltaMixin
pandas.core.indexes.datetimes DatetimeIndex
pandas.core.indexes.datetimes _new_DatetimeIndex
pandas.core.indexes.extension ExtensionIndex
pandas.core.indexes.extension NDArrayBackedExtensionIndex
pandas.core.indexes.frozen FrozenList
pandas.core.indexes.interval IntervalIndex
pandas.core.indexes.interval _new_IntervalIndex
pandas.core.indexes.multi MultiIndex
pandas.core.indexes.multi MultiIndexPyIntEngine
pandas.core.indexes.multi MultiIndexUInt16Engine
pandas.core.indexes.multi MultiIndexUInt32Engine
pandas.core.indexes.multi MultiIndexUInt64Engine
pandas.core.indexes.multi MultiIndexUInt8Engine
pandas.core.indexes.multi MultiIndexUIntEngine
pandas.core.indexes.numeric Float64Index
pandas.core.indexes.numeric Int64Index
pandas.core.indexes.numeric IntegerIndex
pandas.core.indexes.numeric NumericIndex
pandas.core.indexes.numeric UInt64Index
pandas.core.indexes.period PeriodIndex
pandas.core.indexes.period _new_PeriodIndex
pandas.core.indexes.range RangeIndex
pandas.core.indexes.timedeltas TimedeltaIndex
pandas.core.indexes.timedeltas _new_TimedeltaIndex
pandas.core.indexing IndexingMixin
pandas.core.interchange.buffer PandasBuffer
pandas.core.interchange.buffer PandasBufferPyarrow
pandas.core.interchange.column PandasColumn
pandas.core.interchange.dataframe PandasDataFrameXchg
pandas.core.interchange.dataframe_protocol Buffer
pandas.core.interchange.dataframe_protocol CategoricalDescription
pandas.core.interchange.dataframe_protocol Column
pandas.core.interchange.dataframe_protocol ColumnBuffers
pandas.core.interchange.dataframe_protocol ColumnNullType
pandas.core.interchange.dataframe_protocol DataFrame
pandas.core.interchange.dataframe_protocol DlpackDeviceType
pandas.core.interchange.dataframe_protocol DtypeKind
pandas.core.interchange.utils ArrowCTypes
pandas.core.interchange.utils Endianness
pandas.core.interchange.utils NoBufferPresent
pandas.core.internals.array_manager ArrayManager
pandas.core.internals.array_manager BaseArrayManager
pandas.core.internals.array_manager NullArrayProxy
pandas.core.internals.array_manager SingleArrayManager
pandas.core.internals.base DataManager
pandas.core.internals.base SingleDataManager
pandas.core.internals.blocks Block
pandas.core.internals.blocks CategoricalBlock
pandas.core.internals.blocks DatetimeLikeBlock
pandas.core.internals.blocks DatetimeTZBlock
pandas.core.internals.blocks EABackedBlock
pandas.core.internals.blocks ExtensionBlock
pandas.core.internals.blocks NDArrayBackedExtensionBlock
pandas.core.internals.blocks NumericBlock
pandas.core.internals.blocks NumpyBlock
pandas.core.internals.blocks ObjectBlock
pandas.core.internals.blocks new_block
pandas.core.internals.concat JoinUnit
pandas.core.internals.managers BaseBlockManager
pandas.core.internals.managers BlockManager
pandas.core.internals.managers SingleBlockManager
pandas.core.internals.ops BlockPairInfo
pandas.core.methods.describe DataFrameDescriber
pandas.core.methods.describe NDFrameDescriberAbstract
pandas.core.methods.describe SeriesDescriber
pandas.core.methods.selectn SelectN
pandas.core.methods.selectn SelectNFrame
pandas.core.methods.selectn SelectNSeries
pandas.core.nanops bottleneck_switch
pandas.core.nanops disallow
pandas.core.resample DatetimeIndexResampler
pandas.core.resample DatetimeIndexResamplerGroupby
pandas.core.resample PeriodIndexResampler
pandas.core.resample PeriodIndexResamplerGroupby
pandas.core.resample Resampler
pandas.core.resample TimeGrouper
pandas.core.resample TimedeltaIndexResampler
pandas.core.resample TimedeltaIndexResamplerGroupby
pandas.core.series Series
pandas.core.strings.accessor StringMethods
pandas.core.strings.base BaseStringArrayMethods
pandas.core.strings.object_array ObjectStringArrayMixin
pandas.core.tools.datetimes FulldatetimeDict
pandas.core.tools.datetimes YearMonthDayDict
pandas.core.window.ewm ExponentialMovingWindow
pandas.core.window.ewm ExponentialMovingWindowGroupby
pandas.core.window.ewm OnlineExponentialMovingWindow
pandas.core.window.expanding Expanding
pandas.core.window.expanding ExpandingGroupby
pandas.core.window.online EWMMeanState
pandas.core.window.rolling BaseWindow
pandas.core.window.rolling BaseWindowGroupBy
pandas.core.window.rolling BaseWindowGroupby
pandas.core.window.rolling Rolling
pandas.core.window.rolling RollingAndExpandingMixin
pandas.core.window.rolling RollingGroupby
pandas.core.window.rolling Window
pandas.io.formats.printing PrettyDict
pandas.io.formats.style_render CSSDict
pandas.io.parsers.readers _C_Parser_Defaults
pandas.io.parsers.readers _Fwf_Defaults
pandas.plotting._misc _Options
pandas.tseries.holiday AbstractHolidayCalendar
pandas.tseries.holiday Holiday
pandas.tseries.holiday HolidayCalendarMetaClass
pandas.tseries.holiday USFederalHolidayCalendar
patsy.compat_ordereddict OrderedDict
peft.tuners.multitask_prompt_tuning.config MultitaskPromptTuningInit
peft.tuners.p_tuning.config PromptEncoderReparameterizationType
peft.tuners.prompt_tuning.config PromptTuningInit
peft.utils.peft_types PeftType
peft.utils.peft_types TaskType
pmdarima.arima._context ContextType
prophet.models StanBackendEnum
prophet.models TrendIndicator
pyannote.audio.core.task Problem
pyannote.audio.core.task Resolution
pyannote.audio.core.task Specifications
pyarrow._flight DescriptorType
pyarrow._flight FlightMethod
pyarrow._fs FileType
pyarrow._s3fs S3LogLevel
pyarrow.interchange.buffer DlpackDeviceType
pyarrow.interchange.column CategoricalDescription
pyarrow.interchange.column ColumnBuffers
pyarrow.interchange.column ColumnNullType
pyarrow.interchange.column DtypeKind
pyarrow.lib Alignment
pyarrow.lib DeviceAllocationType
pyarrow.lib MetadataVersion
pyarrow.types TypesEnum
pytorch_lightning.callbacks.early_stopping EarlyStoppingReason
pytorch_lightning.callbacks.prediction_writer WriteInterval
pytorch_lightning.callbacks.pruning _LayerRef
pytorch_lightning.callbacks.timer Interval
pytorch_lightning.trainer.connectors.logger_connector.result _METRICS
pytorch_lightning.trainer.connectors.logger_connector.result _ResultCollection
pytorch_lightning.trainer.states RunningStage
pytorch_lightning.trainer.states TrainerFn
pytorch_lightning.trainer.states TrainerStatus
pytorch_lightning.utilities.combined_loader _CombinationMode
pytorch_lightning.utilities.enums GradClipAlgorithmType
pytorch_lightning.utilities.parsing AttributeDict
pytorch_lightning.utilities.types LRSchedulerConfigType
pytorch_lightning.utilities.types OptimizerConfig
pytorch_lightning.utilities.types OptimizerLRSchedulerConfig
river.base.ensemble Ensemble
river.base.ensemble WrapperEnsemble
river.ensemble.bagging ADWINBaggingClassifier
river.ensemble.bagging BaggingClassifier
river.ensemble.bagging BaggingRegressor
river.ensemble.bagging BaseBagging
river.ensemble.bagging LeveragingBaggingClassifier
river.ensemble.boosting ADWINBoostingClassifier
river.ensemble.boosting AdaBoostClassifier
river.ensemble.boosting BOLEClassifier
river.ensemble.ewa EWARegressor
river.ensemble.stacking StackingClassifier
river.ensemble.streaming_random_patches BaseSRPEnsemble
river.ensemble.streaming_random_patches SRPClassifier
river.ensemble.streaming_random_patches SRPRegressor
river.ensemble.voting VotingClassifier
river.forest.adaptive_random_forest ARFClassifier
river.forest.adaptive_random_forest ARFRegressor
river.forest.adaptive_random_forest BaseForest
river.forest.aggregated_mondrian_forest AMFClassifier
river.forest.aggregated_mondrian_forest AMFLearner
river.forest.aggregated_mondrian_forest AMFRegressor
river.forest.online_extra_trees ExtraTrees
river.forest.online_extra_trees OXTRegressor
river.metrics.base Metrics
river.misc.skyline Skyline
river.model_selection.bandit BanditClassifier
river.model_selection.bandit BanditRegressor
river.model_selection.base ModelSelectionClassifier
river.model_selection.base ModelSelectionRegressor
river.model_selection.base ModelSelector
river.model_selection.greedy GreedyRegressor
river.model_selection.sh SuccessiveHalvingClassifier
river.model_selection.sh SuccessiveHalvingRegressor
river.multioutput.chain BaseChain
river.multioutput.chain ClassifierChain
river.multioutput.chain MonteCarloClassifierChain
river.multioutput.chain ProbabilisticClassifierChain
river.multioutput.chain RegressorChain
river.multioutput.per_output PerOutputRegressor
river.multioutput.per_output_classifier PerOutputClassifier
river.sketch.histogram Histogram
river.stream.twitch_chat_stream IrcMessage
river.time_series.holt_winters AdditiveLevel
river.time_series.holt_winters AdditiveSeason
river.time_series.holt_winters Component
river.time_series.holt_winters MultiplicativeLevel
river.time_series.holt_winters MultiplicativeSeason
river.time_series.holt_winters Trend
river.utils.sorted_window SortedWindow
scipy.__config__ DisplayModes
scipy._lib._array_api_docs_tables BackendSupportStatus
scipy._lib._array_api_override _ArrayClsInfo
scipy._lib._util _RichResult
scipy._lib.array_api_compat.common._helpers _ClsToXPInfo
scipy._lib.array_api_compat.common._typing Capabilities
scipy._lib.array_api_compat.common._typing DTypesAll
scipy._lib.array_api_compat.common._typing DTypesBool
scipy._lib.array_api_compat.common._typing DTypesComplex
scipy._lib.array_api_compat.common._typing DTypesIntegral
scipy._lib.array_api_compat.common._typing DTypesNumeric
scipy._lib.array_api_compat.common._typing DTypesReal
scipy._lib.array_api_compat.common._typing DTypesSigned
scipy._lib.array_api_compat.common._typing DTypesUnsigned
scipy._lib.array_api_compat.common._typing DefaultDTypes
scipy._lib.array_api_extra._lib._at Undef
scipy._lib.array_api_extra._lib._at _AtOp
scipy._lib.cobyqa.settings Constants
scipy._lib.cobyqa.settings ExitStatus
scipy._lib.cobyqa.settings Options
scipy._lib.pyprima ConstraintType
scipy.integrate._bvp BVPResult
scipy.integrate._ivp.ivp OdeResult
scipy.integrate._quad_vec LRUDict
scipy.io._idl AttrDict
scipy.io.wavfile WAVE_FORMAT
scipy.optimize._optimize OptimizeResult
scipy.optimize._zeros_py RootResults
scipy.sparse._base SparseEfficiencyWarning
scipy.sparse._base SparseFormatWarning
scipy.sparse._base SparseWarning
scipy.sparse._base _spbase
scipy.sparse._base sparray
scipy.sparse._bsr _bsr_base
scipy.sparse._bsr bsr_array
scipy.sparse._bsr bsr_matrix
scipy.sparse._compressed _cs_matrix
scipy.sparse._coo _coo_base
scipy.sparse._coo coo_array
scipy.sparse._coo coo_matrix
scipy.sparse._csc _csc_base
scipy.sparse._csc csc_array
scipy.sparse._csc csc_matrix
scipy.sparse._csr _csr_base
scipy.sparse._csr csr_array
scipy.sparse._csr csr_matrix
scipy.sparse._data _data_matrix
scipy.sparse._data _minmax_mixin
scipy.sparse._dia _dia_base
scipy.sparse._dia dia_array
scipy.sparse._dia dia_matrix
scipy.sparse._dok _dok_base
scipy.sparse._dok dok_array
scipy.sparse._dok dok_matrix
scipy.sparse._index IndexMixin
scipy.sparse._lil _lil_base
scipy.sparse._lil lil_array
scipy.sparse._lil lil_matrix
scipy.sparse._matrix spmatrix
scipy.sparse.csgraph._flow MaximumFlowResult
scipy.sparse.csgraph._shortest_path NegativeCycleError
scipy.sparse.csgraph._shortest_path _YenCandidatePaths
scipy.sparse.linalg._dsolve.linsolve MatrixRankWarning
scipy.sparse.linalg._eigen.arpack.arpack ArpackError
scipy.sparse.linalg._eigen.arpack.arpack ArpackNoConvergence
scipy.sparse.linalg._eigen.arpack.arpack IterInv
scipy.sparse.linalg._eigen.arpack.arpack IterOpInv
scipy.sparse.linalg._eigen.arpack.arpack LuInv
scipy.sparse.linalg._eigen.arpack.arpack SpLuInv
scipy.sparse.linalg._eigen.arpack.arpack _ArpackParams
scipy.sparse.linalg._eigen.arpack.arpack _SymmetricArpackParams
scipy.sparse.linalg._eigen.arpack.arpack _UnsymmetricArpackParams
scipy.sparse.linalg._expm_multiply LazyOperatorNormInfo
scipy.sparse.linalg._interface IdentityOperator
scipy.sparse.linalg._interface LinearOperator
scipy.sparse.linalg._interface MatrixLinearOperator
scipy.sparse.linalg._interface _AdjointLinearOperator
scipy.sparse.linalg._interface _AdjointMatrixOperator
scipy.sparse.linalg._interface _CustomLinearOperator
scipy.sparse.linalg._interface _PowerLinearOperator
scipy.sparse.linalg._interface _ProductLinearOperator
scipy.sparse.linalg._interface _ScaledLinearOperator
scipy.sparse.linalg._interface _SumLinearOperator
scipy.sparse.linalg._interface _TransposedLinearOperator
scipy.sparse.linalg._matfuncs MatrixPowerOperator
scipy.sparse.linalg._matfuncs ProductOperator
scipy.sparse.linalg._matfuncs _ExpmPadeHelper
scipy.sparse.linalg._special_sparse_arrays LaplacianNd
scipy.sparse.linalg._special_sparse_arrays MikotaK
scipy.sparse.linalg._special_sparse_arrays MikotaM
scipy.sparse.linalg._special_sparse_arrays MikotaPair
scipy.sparse.linalg._special_sparse_arrays Sakurai
scipy.sparse.linalg._svdp _AProd
scipy.special._specfun Status
sentence_transformers.base.modality_types AudioDict
sentence_transformers.base.modality_types MessageDict
sentence_transformers.base.modality_types MultimodalInput
sentence_transformers.base.modality_types VideoDict
sentence_transformers.base.modules.transformer ModalityParams
sentence_transformers.base.modules.transformer ProcessingKwargs
sentence_transformers.base.modules.transformer QueryExpansionConfig
sentence_transformers.base.modules.transformer _ModalityParamsRequired
sentence_transformers.base.sampler BatchSamplers
sentence_transformers.base.sampler MultiDatasetBatchSamplers
sentence_transformers.base.training_args BaseTrainingArguments
sentence_transformers.cross_encoder.training_args CrossEncoderTrainingArguments
sentence_transformers.multi_vector_encoder.training_args MultiVectorEncoderTrainingArguments
sentence_transformers.sentence_transformer.losses.contrastive SiameseDistanceMetric
sentence_transformers.sentence_transformer.losses.triplet TripletDistanceMetric
sentence_transformers.sentence_transformer.training_args SentenceTransformerTrainingArguments
sentence_transformers.sparse_encoder.callbacks.splade_callbacks SchedulerType
sentence_transformers.sparse_encoder.training_args SparseEncoderTrainingArguments
sentence_transformers.util.similarity SimilarityFunction
shap.plots._style StyleOptions
sklearn._cyutility __pyx_unpickle_Enum
sklearn._loss._loss CyAbsoluteError
sklearn._loss._loss CyExponentialLoss
sklearn._loss._loss CyHalfBinomialLoss
sklearn._loss._loss CyHalfGammaLoss
sklearn._loss._loss CyHalfMultinomialLoss
sklearn._loss._loss CyHalfPoissonLoss
sklearn._loss._loss CyHalfSquaredError
sklearn._loss._loss CyHalfTweedieLoss
sklearn._loss._loss CyHalfTweedieLossIdentity
sklearn._loss._loss CyHuberLoss
sklearn._loss._loss CyLossFunction
sklearn._loss._loss CyPinballLoss
sklearn._loss._loss __pyx_unpickle_CyHalfMultinomialLoss
sklearn._loss.link BaseLink
sklearn._loss.link HalfLogitLink
sklearn._loss.link IdentityLink
sklearn._loss.link Interval
sklearn._loss.link LogLink
sklearn._loss.link LogitLink
sklearn._loss.link MultinomialLogit
sklearn._loss.loss AbsoluteError
sklearn._loss.loss ArrayAPILossMixin
sklearn._loss.loss BaseLoss
sklearn._loss.loss ExponentialLoss
sklearn._loss.loss HalfBinomialLoss
sklearn._loss.loss HalfBinomialLossArrayAPI
sklearn._loss.loss HalfGammaLoss
sklearn._loss.loss HalfMultinomialLoss
sklearn._loss.loss HalfMultinomialLossArrayAPI
sklearn._loss.loss HalfPoissonLoss
sklearn._loss.loss HalfPoissonLossArrayAPI
sklearn._loss.loss HalfSquaredError
sklearn._loss.loss HalfTweedieLoss
sklearn._loss.loss HalfTweedieLossIdentity
sklearn._loss.loss HuberLoss
sklearn._loss.loss PinballLoss
sklearn.base BaseEstimator
sklearn.base BiclusterMixin
sklearn.base ClassNamePrefixFeaturesOutMixin
sklearn.base ClassifierMixin
sklearn.base ClusterMixin
sklearn.base DensityMixin
sklearn.base MetaEstimatorMixin
sklearn.base MultiOutputMixin
sklearn.base OneToOneFeatureMixin
sklearn.base OutlierMixin
sklearn.base RegressorMixin
sklearn.base TransformerMixin
sklearn.base _UnstableArchMixin
sklearn.calibration CalibratedClassifierCV
sklearn.calibration CalibrationDisplay
sklearn.calibration _CalibratedClassifier
sklearn.calibration _SigmoidCalibration
sklearn.calibration _TemperatureScaling
sklearn.callback._base AutoPropagatedCallback
sklearn.callback._base FitCallback
sklearn.callback._base _BaseCallback
sklearn.callback._callback_context CallbackContext
sklearn.callback._callback_support CallbackSupportMixin
sklearn.callback._progressbar ProgressBar
sklearn.callback._progressbar RichProgressMonitor
sklearn.callback._progressbar RichTask
sklearn.callback._progressbar _Progress
sklearn.callback._progressbar _StyledColumnMixin
sklearn.callback._progressbar _StyledPercentageColumn
sklearn.callback._progressbar _StyledTimeRemainingColumn
sklearn.callback._scoring_monitor ScoringMonitorLog
sklearn.callback._transport ListenerHandle
sklearn.callback.base AutoPropagatedCallback
sklearn.callback.base FitCallback
sklearn.callback.base _BaseCallback
sklearn.callback.callback_context CallbackContext
sklearn.callback.callback_support CallbackSupportMixin
sklearn.callback.progressbar ProgressBar
sklearn.callback.progressbar RichProgressMonitor
sklearn.callback.progressbar RichTask
sklearn.callback.progressbar _Progress
sklearn.callback.progressbar _StyledColumnMixin
sklearn.callback.progressbar _StyledPercentageColumn
sklearn.callback.progressbar _StyledTimeRemainingColumn
sklearn.callback.scoring_monitor ScoringMonitor
sklearn.callback.scoring_monitor ScoringMonitorLog
sklearn.callback.transport ListenerHandle
sklearn.cluster._affinity_propagation AffinityPropagation
sklearn.cluster._agglomerative AgglomerativeClustering
sklearn.cluster._agglomerative FeatureAgglomeration
sklearn.cluster._bicluster BaseSpectral
sklearn.cluster._bicluster SpectralBiclustering
sklearn.cluster._bicluster SpectralCoclustering
sklearn.cluster._birch Birch
sklearn.cluster._birch _CFNode
sklearn.cluster._birch _CFSubcluster
sklearn.cluster._bisect_k_means BisectingKMeans
sklearn.cluster._bisect_k_means _BisectingTree
sklearn.cluster._dbscan DBSCAN
sklearn.cluster._feature_agglomeration AgglomerationTransform
sklearn.cluster._hdbscan._tree TreeUnionFind
sklearn.cluster._hdbscan._tree __pyx_unpickle_TreeUnionFind
sklearn.cluster._hdbscan.hdbscan HDBSCAN
sklearn.cluster._hierarchical_fast UnionFind
sklearn.cluster._hierarchical_fast WeightedEdge
sklearn.cluster._hierarchical_fast __pyx_unpickle_UnionFind
sklearn.cluster._hierarchical_fast __pyx_unpickle_WeightedEdge
sklearn.cluster._kmeans KMeans
sklearn.cluster._kmeans MiniBatchKMeans
sklearn.cluster._kmeans _BaseKMeans
sklearn.cluster._mean_shift MeanShift
sklearn.cluster._optics OPTICS
sklearn.cluster._spectral SpectralClustering
sklearn.cluster.affinity_propagation AffinityPropagation
sklearn.cluster.agglomerative AgglomerativeClustering
sklearn.cluster.agglomerative FeatureAgglomeration
sklearn.cluster.bicluster BaseSpectral
sklearn.cluster.bicluster SpectralBiclustering
sklearn.cluster.bicluster SpectralCoclustering
sklearn.cluster.birch Birch
sklearn.cluster.birch _CFNode
sklearn.cluster.birch _CFSubcluster
sklearn.cluster.bisect_k_means BisectingKMeans
sklearn.cluster.bisect_k_means _BisectingTree
sklearn.cluster.dbscan DBSCAN
sklearn.cluster.feature_agglomeration AgglomerationTransform
sklearn.cluster.hdbscan.hdbscan HDBSCAN
sklearn.cluster.hdbscan.tree TreeUnionFind
sklearn.cluster.hdbscan.tree __pyx_unpickle_TreeUnionFind
sklearn.cluster.hierarchical_fast UnionFind
sklearn.cluster.hierarchical_fast WeightedEdge
sklearn.cluster.hierarchical_fast __pyx_unpickle_UnionFind
sklearn.cluster.hierarchical_fast __pyx_unpickle_WeightedEdge
sklearn.cluster.kmeans KMeans
sklearn.cluster.kmeans MiniBatchKMeans
sklearn.cluster.kmeans _BaseKMeans
sklearn.cluster.mean_shift MeanShift
sklearn.cluster.optics OPTICS
sklearn.cluster.spectral SpectralClustering
sklearn.compose._column_transformer ColumnTransformer
sklearn.compose._column_transformer make_column_selector
sklearn.compose._target TransformedTargetRegressor
sklearn.compose.column_transformer ColumnTransformer
sklearn.compose.column_transformer make_column_selector
sklearn.compose.target TransformedTargetRegressor
sklearn.covariance._elliptic_envelope EllipticEnvelope
sklearn.covariance._empirical_covariance EmpiricalCovariance
sklearn.covariance._graph_lasso BaseGraphicalLasso
sklearn.covariance._graph_lasso GraphicalLasso
sklearn.covariance._graph_lasso GraphicalLassoCV
sklearn.covariance._robust_covariance MinCovDet
sklearn.covariance._shrunk_covariance LedoitWolf
sklearn.covariance._shrunk_covariance OAS
sklearn.covariance._shrunk_covariance ShrunkCovariance
sklearn.covariance.elliptic_envelope EllipticEnvelope
sklearn.covariance.empirical_covariance EmpiricalCovariance
sklearn.covariance.graph_lasso BaseGraphicalLasso
sklearn.covariance.graph_lasso GraphicalLasso
sklearn.covariance.graph_lasso GraphicalLassoCV
sklearn.covariance.robust_covariance MinCovDet
sklearn.covariance.shrunk_covariance LedoitWolf
sklearn.covariance.shrunk_covariance OAS
sklearn.covariance.shrunk_covariance ShrunkCovariance
sklearn.cross_decomposition._pls CCA
sklearn.cross_decomposition._pls PLSCanonical
sklearn.cross_decomposition._pls PLSRegression
sklearn.cross_decomposition._pls PLSSVD
sklearn.cross_decomposition._pls _PLS
sklearn.cross_decomposition.pls CCA
sklearn.cross_decomposition.pls PLSCanonical
sklearn.cross_decomposition.pls PLSRegression
sklearn.cross_decomposition.pls PLSSVD
sklearn.cross_decomposition.pls _PLS
sklearn.cyutility __pyx_unpickle_Enum
sklearn.datasets._base RemoteFileMetadata
sklearn.datasets._openml OpenMLError
sklearn.datasets.base RemoteFileMetadata
sklearn.datasets.openml OpenMLError
sklearn.decomposition._base _BasePCA
sklearn.decomposition._dict_learning DictionaryLearning
sklearn.decomposition._dict_learning MiniBatchDictionaryLearning
sklearn.decomposition._dict_learning SparseCoder
sklearn.decomposition._dict_learning _BaseSparseCoding
sklearn.decomposition._factor_analysis FactorAnalysis
sklearn.decomposition._fastica FastICA
sklearn.decomposition._incremental_pca IncrementalPCA
sklearn.decomposition._kernel_pca KernelPCA
sklearn.decomposition._lda LatentDirichletAllocation
sklearn.decomposition._nmf MiniBatchNMF
sklearn.decomposition._nmf NMF
sklearn.decomposition._nmf _BaseNMF
sklearn.decomposition._pca PCA
sklearn.decomposition._sparse_pca MiniBatchSparsePCA
sklearn.decomposition._sparse_pca SparsePCA
sklearn.decomposition._sparse_pca _BaseSparsePCA
sklearn.decomposition._truncated_svd TruncatedSVD
sklearn.decomposition.base _BasePCA
sklearn.decomposition.dict_learning DictionaryLearning
sklearn.decomposition.dict_learning MiniBatchDictionaryLearning
sklearn.decomposition.dict_learning SparseCoder
sklearn.decomposition.dict_learning _BaseSparseCoding
sklearn.decomposition.factor_analysis FactorAnalysis
sklearn.decomposition.fastica FastICA
sklearn.decomposition.incremental_pca IncrementalPCA
sklearn.decomposition.kernel_pca KernelPCA
sklearn.decomposition.lda LatentDirichletAllocation
sklearn.decomposition.nmf MiniBatchNMF
sklearn.decomposition.nmf NMF
sklearn.decomposition.nmf _BaseNMF
sklearn.decomposition.pca PCA
sklearn.decomposition.sparse_pca MiniBatchSparsePCA
sklearn.decomposition.sparse_pca SparsePCA
sklearn.decomposition.sparse_pca _BaseSparsePCA
sklearn.decomposition.truncated_svd TruncatedSVD
sklearn.discriminant_analysis DiscriminantAnalysisPredictionMixin
sklearn.discriminant_analysis LinearDiscriminantAnalysis
sklearn.discriminant_analysis QuadraticDiscriminantAnalysis
sklearn.dummy DummyClassifier
sklearn.dummy DummyRegressor
sklearn.ensemble._bagging BaggingClassifier
sklearn.ensemble._bagging BaggingRegressor
sklearn.ensemble._bagging BaseBagging
sklearn.ensemble._base BaseEnsemble
sklearn.ensemble._base _BaseHeterogeneousEnsemble
sklearn.ensemble._forest BaseForest
sklearn.ensemble._forest ExtraTreesClassifier
sklearn.ensemble._forest ExtraTreesRegressor
sklearn.ensemble._forest ForestClassifier
sklearn.ensemble._forest ForestRegressor
sklearn.ensemble._forest RandomForestClassifier
sklearn.ensemble._forest RandomForestRegressor
sklearn.ensemble._forest RandomTreesEmbedding
sklearn.ensemble._gb BaseGradientBoosting
sklearn.ensemble._gb GradientBoostingClassifier
sklearn.ensemble._gb GradientBoostingRegressor
sklearn.ensemble._gb VerboseReporter
sklearn.ensemble._hist_gradient_boosting.binning _BinMapper
sklearn.ensemble._hist_gradient_boosting.common MonotonicConstraint
sklearn.ensemble._hist_gradient_boosting.gradient_boosting BaseHistGradientBoosting
sklearn.ensemble._hist_gradient_boosting.gradient_boosting HistGradientBoostingClassifier
sklearn.ensemble._hist_gradient_boosting.gradient_boosting HistGradientBoostingRegressor
sklearn.ensemble._hist_gradient_boosting.grower TreeGrower
sklearn.ensemble._hist_gradient_boosting.grower TreeNode
sklearn.ensemble._hist_gradient_boosting.histogram HistogramBuilder
sklearn.ensemble._hist_gradient_boosting.histogram __pyx_unpickle_HistogramBuilder
sklearn.ensemble._hist_gradient_boosting.predictor TreePredictor
sklearn.ensemble._hist_gradient_boosting.splitting SplitInfo
sklearn.ensemble._hist_gradient_boosting.splitting Splitter
sklearn.ensemble._hist_gradient_boosting.splitting __pyx_unpickle_Splitter
sklearn.ensemble._iforest IsolationForest
sklearn.ensemble._stacking StackingClassifier
sklearn.ensemble._stacking StackingRegressor
sklearn.ensemble._stacking _BaseStacking
sklearn.ensemble._voting VotingClassifier
sklearn.ensemble._voting VotingRegressor
sklearn.ensemble._voting _BaseVoting
sklearn.ensemble._weight_boosting AdaBoostClassifier
sklearn.ensemble._weight_boosting AdaBoostRegressor
sklearn.ensemble._weight_boosting BaseWeightBoosting
sklearn.ensemble.bagging BaggingClassifier
sklearn.ensemble.bagging BaggingRegressor
sklearn.ensemble.bagging BaseBagging
sklearn.ensemble.base BaseEnsemble
sklearn.ensemble.base _BaseHeterogeneousEnsemble
sklearn.ensemble.forest BaseForest
sklearn.ensemble.forest ExtraTreesClassifier
sklearn.ensemble.forest ExtraTreesRegressor
sklearn.ensemble.forest ForestClassifier
sklearn.ensemble.forest ForestRegressor
sklearn.ensemble.forest RandomForestClassifier
sklearn.ensemble.forest RandomForestRegressor
sklearn.ensemble.forest RandomTreesEmbedding
sklearn.ensemble.gb BaseGradientBoosting
sklearn.ensemble.gb GradientBoostingClassifier
sklearn.ensemble.gb GradientBoostingRegressor
sklearn.ensemble.gb VerboseReporter
sklearn.ensemble.hist_gradient_boosting.binning _BinMapper
sklearn.ensemble.hist_gradient_boosting.common MonotonicConstraint
sklearn.ensemble.hist_gradient_boosting.gradient_boosting BaseHistGradientBoosting
sklearn.ensemble.hist_gradient_boosting.gradient_boosting HistGradientBoostingClassifier
sklearn.ensemble.hist_gradient_boosting.gradient_boosting HistGradientBoostingRegressor
sklearn.ensemble.hist_gradient_boosting.grower TreeGrower
sklearn.ensemble.hist_gradient_boosting.grower TreeNode
sklearn.ensemble.hist_gradient_boosting.histogram HistogramBuilder
sklearn.ensemble.hist_gradient_boosting.histogram __pyx_unpickle_HistogramBuilder
sklearn.ensemble.hist_gradient_boosting.predictor TreePredictor
sklearn.ensemble.hist_gradient_boosting.splitting SplitInfo
sklearn.ensemble.hist_gradient_boosting.splitting Splitter
sklearn.ensemble.hist_gradient_boosting.splitting __pyx_unpickle_Splitter
sklearn.ensemble.iforest IsolationForest
sklearn.ensemble.stacking StackingClassifier
sklearn.ensemble.stacking StackingRegressor
sklearn.ensemble.stacking _BaseStacking
sklearn.ensemble.voting VotingClassifier
sklearn.ensemble.voting VotingRegressor
sklearn.ensemble.voting _BaseVoting
sklearn.ensemble.weight_boosting AdaBoostClassifier
sklearn.ensemble.weight_boosting AdaBoostRegressor
sklearn.ensemble.weight_boosting BaseWeightBoosting
sklearn.exceptions ConvergenceWarning
sklearn.exceptions DataConversionWarning
sklearn.exceptions DataDimensionalityWarning
sklearn.exceptions EfficiencyWarning
sklearn.exceptions EstimatorCheckFailedWarning
sklearn.exceptions FitFailedWarning
sklearn.exceptions InconsistentVersionWarning
sklearn.exceptions NotFittedError
sklearn.exceptions PositiveSpectrumWarning
sklearn.exceptions SkipTestWarning
sklearn.exceptions UndefinedMetricWarning
sklearn.exceptions UnsetMetadataPassedError
sklearn.externals.array_api_compat.common._helpers _ClsToXPInfo
sklearn.externals.array_api_compat.common._typing Capabilities
sklearn.externals.array_api_compat.common._typing DTypesAll
sklearn.externals.array_api_compat.common._typing DTypesBool
sklearn.externals.array_api_compat.common._typing DTypesComplex
sklearn.externals.array_api_compat.common._typing DTypesIntegral
sklearn.externals.array_api_compat.common._typing DTypesNumeric
sklearn.externals.array_api_compat.common._typing DTypesReal
sklearn.externals.array_api_compat.common._typing DTypesSigned
sklearn.externals.array_api_compat.common._typing DTypesUnsigned
sklearn.externals.array_api_compat.common._typing DefaultDTypes
sklearn.externals.array_api_extra._at _AtOp
sklearn.externals.array_api_extra._at _Undef
sklearn.feature_extraction._dict_vectorizer DictVectorizer
sklearn.feature_extraction._hash FeatureHasher
sklearn.feature_extraction.dict_vectorizer DictVectorizer
sklearn.feature_extraction.hash FeatureHasher
sklearn.feature_extraction.image PatchExtractor
sklearn.feature_extraction.text CountVectorizer
sklearn.feature_extraction.text HashingVectorizer
sklearn.feature_extraction.text TfidfTransformer
sklearn.feature_extraction.text TfidfVectorizer
sklearn.feature_extraction.text _VectorizerMixin
sklearn.feature_selection._base SelectorMixin
sklearn.feature_selection._from_model SelectFromModel
sklearn.feature_selection._rfe RFE
sklearn.feature_selection._rfe RFECV
sklearn.feature_selection._sequential SequentialFeatureSelector
sklearn.feature_selection._univariate_selection GenericUnivariateSelect
sklearn.feature_selection._univariate_selection SelectFdr
sklearn.feature_selection._univariate_selection SelectFpr
sklearn.feature_selection._univariate_selection SelectFwe
sklearn.feature_selection._univariate_selection SelectKBest
sklearn.feature_selection._univariate_selection SelectPercentile
sklearn.feature_selection._univariate_selection _BaseFilter
sklearn.feature_selection._variance_threshold VarianceThreshold
sklearn.feature_selection.base SelectorMixin
sklearn.feature_selection.from_model SelectFromModel
sklearn.feature_selection.rfe RFE
sklearn.feature_selection.rfe RFECV
sklearn.feature_selection.sequential SequentialFeatureSelector
sklearn.feature_selection.univariate_selection GenericUnivariateSelect
sklearn.feature_selection.univariate_selection SelectFdr
sklearn.feature_selection.univariate_selection SelectFpr
sklearn.feature_selection.univariate_selection SelectFwe
sklearn.feature_selection.univariate_selection SelectKBest
sklearn.feature_selection.univariate_selection SelectPercentile
sklearn.feature_selection.univariate_selection _BaseFilter
sklearn.feature_selection.variance_threshold VarianceThreshold
sklearn.frozen._frozen FrozenEstimator
sklearn.frozen.frozen FrozenEstimator
sklearn.gaussian_process._gpc GaussianProcessClassifier
sklearn.gaussian_process._gpc _BinaryGaussianProcessClassifierLaplace
sklearn.gaussian_process._gpr GaussianProcessRegressor
sklearn.gaussian_process.gpc GaussianProcessClassifier
sklearn.gaussian_process.gpc _BinaryGaussianProcessClassifierLaplace
sklearn.gaussian_process.gpr GaussianProcessRegressor
sklearn.gaussian_process.kernels CompoundKernel
sklearn.gaussian_process.kernels ConstantKernel
sklearn.gaussian_process.kernels DotProduct
sklearn.gaussian_process.kernels ExpSineSquared
sklearn.gaussian_process.kernels Exponentiation
sklearn.gaussian_process.kernels GenericKernelMixin
sklearn.gaussian_process.kernels Hyperparameter
sklearn.gaussian_process.kernels Kernel
sklearn.gaussian_process.kernels KernelOperator
sklearn.gaussian_process.kernels Matern
sklearn.gaussian_process.kernels NormalizedKernelMixin
sklearn.gaussian_process.kernels PairwiseKernel
sklearn.gaussian_process.kernels Product
sklearn.gaussian_process.kernels RBF
sklearn.gaussian_process.kernels RationalQuadratic
sklearn.gaussian_process.kernels StationaryKernelMixin
sklearn.gaussian_process.kernels Sum
sklearn.gaussian_process.kernels WhiteKernel
sklearn.impute._base MissingIndicator
sklearn.impute._base SimpleImputer
sklearn.impute._base _BaseImputer
sklearn.impute._iterative IterativeImputer
sklearn.impute._iterative _ImputerTriplet
sklearn.impute._knn KNNImputer
sklearn.impute.base MissingIndicator
sklearn.impute.base SimpleImputer
sklearn.impute.base _BaseImputer
sklearn.impute.iterative IterativeImputer
sklearn.impute.iterative _ImputerTriplet
sklearn.impute.knn KNNImputer
sklearn.inspection._plot.decision_boundary DecisionBoundaryDisplay
sklearn.inspection._plot.partial_dependence PartialDependenceDisplay
sklearn.inspection.plot.decision_boundary DecisionBoundaryDisplay
sklearn.inspection.plot.partial_dependence PartialDependenceDisplay
sklearn.isotonic IsotonicRegression
sklearn.kernel_approximation AdditiveChi2Sampler
sklearn.kernel_approximation Nystroem
sklearn.kernel_approximation PolynomialCountSketch
sklearn.kernel_approximation RBFSampler
sklearn.kernel_approximation SkewedChi2Sampler
sklearn.kernel_ridge KernelRidge
sklearn.linear_model._base LinearClassifierMixin
sklearn.linear_model._base LinearModel
sklearn.linear_model._base LinearRegression
sklearn.linear_model._base MultiOutputLinearModel
sklearn.linear_model._base SparseCoefMixin
sklearn.linear_model._bayes ARDRegression
sklearn.linear_model._bayes BayesianRidge
sklearn.linear_model._coordinate_descent ElasticNet
sklearn.linear_model._coordinate_descent ElasticNetCV
sklearn.linear_model._coordinate_descent Lasso
sklearn.linear_model._coordinate_descent LassoCV
sklearn.linear_model._coordinate_descent LinearModelCV
sklearn.linear_model._coordinate_descent MultiTaskElasticNet
sklearn.linear_model._coordinate_descent MultiTaskElasticNetCV
sklearn.linear_model._coordinate_descent MultiTaskLasso
sklearn.linear_model._coordinate_descent MultiTaskLassoCV
sklearn.linear_model._glm._newton_solver NewtonCholeskySolver
sklearn.linear_model._glm._newton_solver NewtonSolver
sklearn.linear_model._glm.glm GammaRegressor
sklearn.linear_model._glm.glm PoissonRegressor
sklearn.linear_model._glm.glm TweedieRegressor
sklearn.linear_model._glm.glm _GeneralizedLinearRegressor
sklearn.linear_model._huber HuberRegressor
sklearn.linear_model._least_angle Lars
sklearn.linear_model._least_angle LarsCV
sklearn.linear_model._least_angle LassoLars
sklearn.linear_model._least_angle LassoLarsCV
sklearn.linear_model._least_angle LassoLarsIC
sklearn.linear_model._linear_loss LinearModelLoss
sklearn.linear_model._logistic LogisticRegression
sklearn.linear_model._logistic LogisticRegressionCV
sklearn.linear_model._logistic _LbfgsCallbackBridge
sklearn.linear_model._omp OrthogonalMatchingPursuit
sklearn.linear_model._omp OrthogonalMatchingPursuitCV
sklearn.linear_model._passive_aggressive PassiveAggressiveClassifier
sklearn.linear_model._passive_aggressive PassiveAggressiveRegressor
sklearn.linear_model._perceptron Perceptron
sklearn.linear_model._quantile QuantileRegressor
sklearn.linear_model._ransac RANSACRegressor
sklearn.linear_model._ridge Ridge
sklearn.linear_model._ridge RidgeCV
sklearn.linear_model._ridge RidgeClassifier
sklearn.linear_model._ridge RidgeClassifierCV
sklearn.linear_model._ridge _BaseRidge
sklearn.linear_model._ridge _BaseRidgeCV
sklearn.linear_model._ridge _IdentityClassifier
sklearn.linear_model._ridge _IdentityRegressor
sklearn.linear_model._ridge _RidgeClassifierMixin
sklearn.linear_model._ridge _RidgeGCV
sklearn.linear_model._ridge _XT_CenterStackOp
sklearn.linear_model._ridge _X_CenterStackOp
sklearn.linear_model._sgd_fast Classification
sklearn.linear_model._sgd_fast EpsilonInsensitive
sklearn.linear_model._sgd_fast Hinge
sklearn.linear_model._sgd_fast ModifiedHuber
sklearn.linear_model._sgd_fast Regression
sklearn.linear_model._sgd_fast SquaredEpsilonInsensitive
sklearn.linear_model._sgd_fast SquaredHinge
sklearn.linear_model._sgd_fast __pyx_unpickle_Classification
sklearn.linear_model._sgd_fast __pyx_unpickle_Regression
sklearn.linear_model._stochastic_gradient BaseSGD
sklearn.linear_model._stochastic_gradient BaseSGDClassifier
sklearn.linear_model._stochastic_gradient BaseSGDRegressor
sklearn.linear_model._stochastic_gradient SGDClassifier
sklearn.linear_model._stochastic_gradient SGDOneClassSVM
sklearn.linear_model._stochastic_gradient SGDRegressor
sklearn.linear_model._stochastic_gradient _ValidationScoreCallback
sklearn.linear_model._theil_sen TheilSenRegressor
sklearn.linear_model.base LinearClassifierMixin
sklearn.linear_model.base LinearModel
sklearn.linear_model.base LinearRegression
sklearn.linear_model.base MultiOutputLinearModel
sklearn.linear_model.base SparseCoefMixin
sklearn.linear_model.bayes ARDRegression
sklearn.linear_model.bayes BayesianRidge
sklearn.linear_model.coordinate_descent ElasticNet
sklearn.linear_model.coordinate_descent ElasticNetCV
sklearn.linear_model.coordinate_descent Lasso
sklearn.linear_model.coordinate_descent LassoCV
sklearn.linear_model.coordinate_descent LinearModelCV
sklearn.linear_model.coordinate_descent MultiTaskElasticNet
sklearn.linear_model.coordinate_descent MultiTaskElasticNetCV
sklearn.linear_model.coordinate_descent MultiTaskLasso
sklearn.linear_model.coordinate_descent MultiTaskLassoCV
sklearn.linear_model.glm.glm GammaRegressor
sklearn.linear_model.glm.glm PoissonRegressor
sklearn.linear_model.glm.glm TweedieRegressor
sklearn.linear_model.glm.glm _GeneralizedLinearRegressor
sklearn.linear_model.glm.newton_solver NewtonCholeskySolver
sklearn.linear_model.glm.newton_solver NewtonSolver
sklearn.linear_model.huber HuberRegressor
sklearn.linear_model.least_angle Lars
sklearn.linear_model.least_angle LarsCV
sklearn.linear_model.least_angle LassoLars
sklearn.linear_model.least_angle LassoLarsCV
sklearn.linear_model.least_angle LassoLarsIC
sklearn.linear_model.linear_loss LinearModelLoss
sklearn.linear_model.logistic LogisticRegression
sklearn.linear_model.logistic LogisticRegressionCV
sklearn.linear_model.logistic _LbfgsCallbackBridge
sklearn.linear_model.omp OrthogonalMatchingPursuit
sklearn.linear_model.omp OrthogonalMatchingPursuitCV
sklearn.linear_model.passive_aggressive PassiveAggressiveClassifier
sklearn.linear_model.passive_aggressive PassiveAggressiveRegressor
sklearn.linear_model.perceptron Perceptron
sklearn.linear_model.quantile QuantileRegressor
sklearn.linear_model.ransac RANSACRegressor
sklearn.linear_model.ridge Ridge
sklearn.linear_model.ridge RidgeCV
sklearn.linear_model.ridge RidgeClassifier
sklearn.linear_model.ridge RidgeClassifierCV
sklearn.linear_model.ridge _BaseRidge
sklearn.linear_model.ridge _BaseRidgeCV
sklearn.linear_model.ridge _IdentityClassifier
sklearn.linear_model.ridge _IdentityRegressor
sklearn.linear_model.ridge _RidgeClassifierMixin
sklearn.linear_model.ridge _RidgeGCV
sklearn.linear_model.ridge _XT_CenterStackOp
sklearn.linear_model.ridge _X_CenterStackOp
sklearn.linear_model.sgd_fast Classification
sklearn.linear_model.sgd_fast EpsilonInsensitive
sklearn.linear_model.sgd_fast Hinge
sklearn.linear_model.sgd_fast ModifiedHuber
sklearn.linear_model.sgd_fast Regression
sklearn.linear_model.sgd_fast SquaredEpsilonInsensitive
sklearn.linear_model.sgd_fast SquaredHinge
sklearn.linear_model.sgd_fast __pyx_unpickle_Classification
sklearn.linear_model.sgd_fast __pyx_unpickle_Regression
sklearn.linear_model.stochastic_gradient BaseSGD
sklearn.linear_model.stochastic_gradient BaseSGDClassifier
sklearn.linear_model.stochastic_gradient BaseSGDRegressor
sklearn.linear_model.stochastic_gradient SGDClassifier
sklearn.linear_model.stochastic_gradient SGDOneClassSVM
sklearn.linear_model.stochastic_gradient SGDRegressor
sklearn.linear_model.stochastic_gradient _ValidationScoreCallback
sklearn.linear_model.theil_sen TheilSenRegressor
sklearn.loss.link BaseLink
sklearn.loss.link HalfLogitLink
sklearn.loss.link IdentityLink
sklearn.loss.link Interval
sklearn.loss.link LogLink
sklearn.loss.link LogitLink
sklearn.loss.link MultinomialLogit
sklearn.loss.loss AbsoluteError
sklearn.loss.loss ArrayAPILossMixin
sklearn.loss.loss BaseLoss
sklearn.loss.loss CyAbsoluteError
sklearn.loss.loss CyExponentialLoss
sklearn.loss.loss CyHalfBinomialLoss
sklearn.loss.loss CyHalfGammaLoss
sklearn.loss.loss CyHalfMultinomialLoss
sklearn.loss.loss CyHalfPoissonLoss
sklearn.loss.loss CyHalfSquaredError
sklearn.loss.loss CyHalfTweedieLoss
sklearn.loss.loss CyHalfTweedieLossIdentity
sklearn.loss.loss CyHuberLoss
sklearn.loss.loss CyLossFunction
sklearn.loss.loss CyPinballLoss
sklearn.loss.loss ExponentialLoss
sklearn.loss.loss HalfBinomialLoss
sklearn.loss.loss HalfBinomialLossArrayAPI
sklearn.loss.loss HalfGammaLoss
sklearn.loss.loss HalfMultinomialLoss
sklearn.loss.loss HalfMultinomialLossArrayAPI
sklearn.loss.loss HalfPoissonLoss
sklearn.loss.loss HalfPoissonLossArrayAPI
sklearn.loss.loss HalfSquaredError
sklearn.loss.loss HalfTweedieLoss
sklearn.loss.loss HalfTweedieLossIdentity
sklearn.loss.loss HuberLoss
sklearn.loss.loss PinballLoss
sklearn.loss.loss __pyx_unpickle_CyHalfMultinomialLoss
sklearn.manifold._classical_mds ClassicalMDS
sklearn.manifold._isomap Isomap
sklearn.manifold._locally_linear LocallyLinearEmbedding
sklearn.manifold._mds MDS
sklearn.manifold._spectral_embedding SpectralEmbedding
sklearn.manifold._t_sne TSNE
sklearn.manifold.classical_mds ClassicalMDS
sklearn.manifold.isomap Isomap
sklearn.manifold.locally_linear LocallyLinearEmbedding
sklearn.manifold.mds MDS
sklearn.manifold.spectral_embedding SpectralEmbedding
sklearn.manifold.t_sne TSNE
sklearn.metrics._dist_metrics BrayCurtisDistance32
sklearn.metrics._dist_metrics BrayCurtisDistance64
sklearn.metrics._dist_metrics CanberraDistance32
sklearn.metrics._dist_metrics CanberraDistance64
sklearn.metrics._dist_metrics ChebyshevDistance32
sklearn.metrics._dist_metrics ChebyshevDistance64
sklearn.metrics._dist_metrics DiceDistance32
sklearn.metrics._dist_metrics DiceDistance64
sklearn.metrics._dist_metrics DistanceMetric
sklearn.metrics._dist_metrics DistanceMetric32
sklearn.metrics._dist_metrics DistanceMetric64
sklearn.metrics._dist_metrics EuclideanDistance32
sklearn.metrics._dist_metrics EuclideanDistance64
sklearn.metrics._dist_metrics HammingDistance32
sklearn.metrics._dist_metrics HammingDistance64
sklearn.metrics._dist_metrics HaversineDistance32
sklearn.metrics._dist_metrics HaversineDistance64
sklearn.metrics._dist_metrics JaccardDistance32
sklearn.metrics._dist_metrics JaccardDistance64
sklearn.metrics._dist_metrics KulsinskiDistance32
sklearn.metrics._dist_metrics KulsinskiDistance64
sklearn.metrics._dist_metrics MahalanobisDistance32
sklearn.metrics._dist_metrics MahalanobisDistance64
sklearn.metrics._dist_metrics ManhattanDistance32
sklearn.metrics._dist_metrics ManhattanDistance64
sklearn.metrics._dist_metrics MatchingDistance32
sklearn.metrics._dist_metrics MatchingDistance64
sklearn.metrics._dist_metrics MinkowskiDistance32
sklearn.metrics._dist_metrics MinkowskiDistance64
sklearn.metrics._dist_metrics PyFuncDistance32
sklearn.metrics._dist_metrics PyFuncDistance64
sklearn.metrics._dist_metrics RogersTanimotoDistance32
sklearn.metrics._dist_metrics RogersTanimotoDistance64
sklearn.metrics._dist_metrics RussellRaoDistance32
sklearn.metrics._dist_metrics RussellRaoDistance64
sklearn.metrics._dist_metrics SEuclideanDistance32
sklearn.metrics._dist_metrics SEuclideanDistance64
sklearn.metrics._dist_metrics SokalMichenerDistance32
sklearn.metrics._dist_metrics SokalMichenerDistance64
sklearn.metrics._dist_metrics SokalSneathDistance32
sklearn.metrics._dist_metrics SokalSneathDistance64
sklearn.metrics._dist_metrics __pyx_unpickle_DistanceMetric
sklearn.metrics._dist_metrics newObj
sklearn.metrics._pairwise_distances_reduction._argkmin ArgKmin32
sklearn.metrics._pairwise_distances_reduction._argkmin ArgKmin64
sklearn.metrics._pairwise_distances_reduction._argkmin EuclideanArgKmin32
sklearn.metrics._pairwise_distances_reduction._argkmin EuclideanArgKmin64
sklearn.metrics._pairwise_distances_reduction._argkmin_classmode ArgKminClassMode32
sklearn.metrics._pairwise_distances_reduction._argkmin_classmode ArgKminClassMode64
sklearn.metrics._pairwise_distances_reduction._base BaseDistancesReduction32
sklearn.metrics._pairwise_distances_reduction._base BaseDistancesReduction64
sklearn.metrics._pairwise_distances_reduction._base __pyx_unpickle_BaseDistancesReduction32
sklearn.metrics._pairwise_distances_reduction._base __pyx_unpickle_BaseDistancesReduction64
sklearn.metrics._pairwise_distances_reduction._datasets_pair DatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair DatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair DenseDenseDatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair DenseDenseDatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair DenseSparseDatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair DenseSparseDatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair SparseDenseDatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair SparseDenseDatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair SparseSparseDatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair SparseSparseDatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_DatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_DatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_DenseDenseDatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_DenseDenseDatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_DenseSparseDatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_DenseSparseDatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_SparseDenseDatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_SparseDenseDatasetsPair64
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_SparseSparseDatasetsPair32
sklearn.metrics._pairwise_distances_reduction._datasets_pair __pyx_unpickle_SparseSparseDatasetsPair64
sklearn.metrics._pairwise_distances_reduction._dispatcher ArgKmin
sklearn.metrics._pairwise_distances_reduction._dispatcher ArgKminClassMode
sklearn.metrics._pairwise_distances_reduction._dispatcher BaseDistancesReductionDispatcher
sklearn.metrics._pairwise_distances_reduction._dispatcher RadiusNeighbors
sklearn.metrics._pairwise_distances_reduction._dispatcher RadiusNeighborsClassMode
sklearn.metrics._pairwise_distances_reduction._middle_term_computer DenseDenseMiddleTermComputer32
sklearn.metrics._pairwise_distances_reduction._middle_term_computer DenseDenseMiddleTermComputer64
sklearn.metrics._pairwise_distances_reduction._middle_term_computer MiddleTermComputer32
sklearn.metrics._pairwise_distances_reduction._middle_term_computer MiddleTermComputer64
sklearn.metrics._pairwise_distances_reduction._middle_term_computer SparseDenseMiddleTermComputer32
sklearn.metrics._pairwise_distances_reduction._middle_term_computer SparseDenseMiddleTermComputer64
sklearn.metrics._pairwise_distances_reduction._middle_term_computer SparseSparseMiddleTermComputer32
sklearn.metrics._pairwise_distances_reduction._middle_term_computer SparseSparseMiddleTermComputer64
sklearn.metrics._pairwise_distances_reduction._middle_term_computer __pyx_unpickle_DenseDenseMiddleTermComputer32
sklearn.metrics._pairwise_distances_reduction._middle_term_computer __pyx_unpickle_DenseDenseMiddleTermComputer64
sklearn.metrics._pairwise_distances_reduction._middle_term_computer __pyx_unpickle_MiddleTermComputer32
sklearn.metrics._pairwise_distances_reduction._middle_term_computer __pyx_unpickle_MiddleTermComputer64
sklearn.metrics._pairwise_distances_reduction._middle_term_computer __pyx_unpickle_SparseDenseMiddleTermComputer32
sklearn.metrics._pairwise_distances_reduction._middle_term_computer __pyx_unpickle_SparseDenseMiddleTermComputer64
sklearn.metrics._pairwise_distances_reduction._middle_term_computer __pyx_unpickle_SparseSparseMiddleTermComputer32
sklearn.metrics._pairwise_distances_reduction._middle_term_computer __pyx_unpickle_SparseSparseMiddleTermComputer64
sklearn.metrics._pairwise_distances_reduction._radius_neighbors EuclideanRadiusNeighbors32
sklearn.metrics._pairwise_distances_reduction._radius_neighbors EuclideanRadiusNeighbors64
sklearn.metrics._pairwise_distances_reduction._radius_neighbors RadiusNeighbors32
sklearn.metrics._pairwise_distances_reduction._radius_neighbors RadiusNeighbors64
sklearn.metrics._pairwise_distances_reduction._radius_neighbors_classmode RadiusNeighborsClassMode32
sklearn.metrics._pairwise_distances_reduction._radius_neighbors_classmode RadiusNeighborsClassMode64
sklearn.metrics._plot.confusion_matrix ConfusionMatrixDisplay
sklearn.metrics._plot.det_curve DetCurveDisplay
sklearn.metrics._plot.precision_recall_curve PrecisionRecallDisplay
sklearn.metrics._plot.regression PredictionErrorDisplay
sklearn.metrics._plot.roc_curve RocCurveDisplay
sklearn.metrics._scorer _BaseScorer
sklearn.metrics._scorer _CurveScorer
sklearn.metrics._scorer _MultimetricScorer
sklearn.metrics._scorer _PassthroughScorer
sklearn.metrics._scorer _Scorer
sklearn.metrics.dist_metrics BrayCurtisDistance32
sklearn.metrics.dist_metrics BrayCurtisDistance64
sklearn.metrics.dist_metrics CanberraDistance32
sklearn.metrics.dist_metrics CanberraDistance64
sklearn.metrics.dist_metrics ChebyshevDistance32
sklearn.metrics.dist_metrics ChebyshevDistance64
sklearn.metrics.dist_metrics DiceDistance32
sklearn.metrics.dist_metrics DiceDistance64
sklearn.metrics.dist_metrics DistanceMetric
sklearn.metrics.dist_metrics DistanceMetric32
sklearn.metrics.dist_metrics DistanceMetric64
sklearn.metrics.dist_metrics EuclideanDistance32
sklearn.metrics.dist_metrics EuclideanDistance64
sklearn.metrics.dist_metrics HammingDistance32
sklearn.metrics.dist_metrics HammingDistance64
sklearn.metrics.dist_metrics HaversineDistance32
sklearn.metrics.dist_metrics HaversineDistance64
sklearn.metrics.dist_metrics JaccardDistance32
sklearn.metrics.dist_metrics JaccardDistance64
sklearn.metrics.dist_metrics KulsinskiDistance32
sklearn.metrics.dist_metrics KulsinskiDistance64
sklearn.metrics.dist_metrics MahalanobisDistance32
sklearn.metrics.dist_metrics MahalanobisDistance64
sklearn.metrics.dist_metrics ManhattanDistance32
sklearn.metrics.dist_metrics ManhattanDistance64
sklearn.metrics.dist_metrics MatchingDistance32
sklearn.metrics.dist_metrics MatchingDistance64
sklearn.metrics.dist_metrics MinkowskiDistance32
sklearn.metrics.dist_metrics MinkowskiDistance64
sklearn.metrics.dist_metrics PyFuncDistance32
sklearn.metrics.dist_metrics PyFuncDistance64
sklearn.metrics.dist_metrics RogersTanimotoDistance32
sklearn.metrics.dist_metrics RogersTanimotoDistance64
sklearn.metrics.dist_metrics RussellRaoDistance32
sklearn.metrics.dist_metrics RussellRaoDistance64
sklearn.metrics.dist_metrics SEuclideanDistance32
sklearn.metrics.dist_metrics SEuclideanDistance64
sklearn.metrics.dist_metrics SokalMichenerDistance32
sklearn.metrics.dist_metrics SokalMichenerDistance64
sklearn.metrics.dist_metrics SokalSneathDistance32
sklearn.metrics.dist_metrics SokalSneathDistance64
sklearn.metrics.dist_metrics __pyx_unpickle_DistanceMetric
sklearn.metrics.dist_metrics newObj
sklearn.metrics.pairwise_distances_reduction.argkmin ArgKmin32
sklearn.metrics.pairwise_distances_reduction.argkmin ArgKmin64
sklearn.metrics.pairwise_distances_reduction.argkmin EuclideanArgKmin32
sklearn.metrics.pairwise_distances_reduction.argkmin EuclideanArgKmin64
sklearn.metrics.pairwise_distances_reduction.argkmin_classmode ArgKminClassMode32
sklearn.metrics.pairwise_distances_reduction.argkmin_classmode ArgKminClassMode64
sklearn.metrics.pairwise_distances_reduction.base BaseDistancesReduction32
sklearn.metrics.pairwise_distances_reduction.base BaseDistancesReduction64
sklearn.metrics.pairwise_distances_reduction.base __pyx_unpickle_BaseDistancesReduction32
sklearn.metrics.pairwise_distances_reduction.base __pyx_unpickle_BaseDistancesReduction64
sklearn.metrics.pairwise_distances_reduction.datasets_pair DatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair DatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair DenseDenseDatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair DenseDenseDatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair DenseSparseDatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair DenseSparseDatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair SparseDenseDatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair SparseDenseDatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair SparseSparseDatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair SparseSparseDatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_DatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_DatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_DenseDenseDatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_DenseDenseDatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_DenseSparseDatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_DenseSparseDatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_SparseDenseDatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_SparseDenseDatasetsPair64
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_SparseSparseDatasetsPair32
sklearn.metrics.pairwise_distances_reduction.datasets_pair __pyx_unpickle_SparseSparseDatasetsPair64
sklearn.metrics.pairwise_distances_reduction.dispatcher ArgKmin
sklearn.metrics.pairwise_distances_reduction.dispatcher ArgKminClassMode
sklearn.metrics.pairwise_distances_reduction.dispatcher BaseDistancesReductionDispatcher
sklearn.metrics.pairwise_distances_reduction.dispatcher RadiusNeighbors
sklearn.metrics.pairwise_distances_reduction.dispatcher RadiusNeighborsClassMode
sklearn.metrics.pairwise_distances_reduction.middle_term_computer DenseDenseMiddleTermComputer32
sklearn.metrics.pairwise_distances_reduction.middle_term_computer DenseDenseMiddleTermComputer64
sklearn.metrics.pairwise_distances_reduction.middle_term_computer MiddleTermComputer32
sklearn.metrics.pairwise_distances_reduction.middle_term_computer MiddleTermComputer64
sklearn.metrics.pairwise_distances_reduction.middle_term_computer SparseDenseMiddleTermComputer32
sklearn.metrics.pairwise_distances_reduction.middle_term_computer SparseDenseMiddleTermComputer64
sklearn.metrics.pairwise_distances_reduction.middle_term_computer SparseSparseMiddleTermComputer32
sklearn.metrics.pairwise_distances_reduction.middle_term_computer SparseSparseMiddleTermComputer64
sklearn.metrics.pairwise_distances_reduction.middle_term_computer __pyx_unpickle_DenseDenseMiddleTermComputer32
sklearn.metrics.pairwise_distances_reduction.middle_term_computer __pyx_unpickle_DenseDenseMiddleTermComputer64
sklearn.metrics.pairwise_distances_reduction.middle_term_computer __pyx_unpickle_MiddleTermComputer32
sklearn.metrics.pairwise_distances_reduction.middle_term_computer __pyx_unpickle_MiddleTermComputer64
sklearn.metrics.pairwise_distances_reduction.middle_term_computer __pyx_unpickle_SparseDenseMiddleTermComputer32
sklearn.metrics.pairwise_distances_reduction.middle_term_computer __pyx_unpickle_SparseDenseMiddleTermComputer64
sklearn.metrics.pairwise_distances_reduction.middle_term_computer __pyx_unpickle_SparseSparseMiddleTermComputer32
sklearn.metrics.pairwise_distances_reduction.middle_term_computer __pyx_unpickle_SparseSparseMiddleTermComputer64
sklearn.metrics.pairwise_distances_reduction.radius_neighbors EuclideanRadiusNeighbors32
sklearn.metrics.pairwise_distances_reduction.radius_neighbors EuclideanRadiusNeighbors64
sklearn.metrics.pairwise_distances_reduction.radius_neighbors RadiusNeighbors32
sklearn.metrics.pairwise_distances_reduction.radius_neighbors RadiusNeighbors64
sklearn.metrics.pairwise_distances_reduction.radius_neighbors_classmode RadiusNeighborsClassMode32
sklearn.metrics.pairwise_distances_reduction.radius_neighbors_classmode RadiusNeighborsClassMode64
sklearn.metrics.plot.confusion_matrix ConfusionMatrixDisplay
sklearn.metrics.plot.det_curve DetCurveDisplay
sklearn.metrics.plot.precision_recall_curve PrecisionRecallDisplay
sklearn.metrics.plot.regression PredictionErrorDisplay
sklearn.metrics.plot.roc_curve RocCurveDisplay
sklearn.metrics.scorer _BaseScorer
sklearn.metrics.scorer _CurveScorer
sklearn.metrics.scorer _MultimetricScorer
sklearn.metrics.scorer _PassthroughScorer
sklearn.metrics.scorer _Scorer
sklearn.mixture._base BaseMixture
sklearn.mixture._bayesian_mixture BayesianGaussianMixture
sklearn.mixture._gaussian_mixture GaussianMixture
sklearn.mixture.base BaseMixture
sklearn.mixture.bayesian_mixture BayesianGaussianMixture
sklearn.mixture.gaussian_mixture GaussianMixture
sklearn.model_selection._classification_threshold BaseThresholdClassifier
sklearn.model_selection._classification_threshold FixedThresholdClassifier
sklearn.model_selection._classification_threshold TunedThresholdClassifierCV
sklearn.model_selection._plot LearningCurveDisplay
sklearn.model_selection._plot ValidationCurveDisplay
sklearn.model_selection._plot _BaseCurveDisplay
sklearn.model_selection._search BaseSearchCV
sklearn.model_selection._search GridSearchCV
sklearn.model_selection._search ParameterGrid
sklearn.model_selection._search ParameterSampler
sklearn.model_selection._search RandomizedSearchCV
sklearn.model_selection._search_successive_halving BaseSuccessiveHalving
sklearn.model_selection._search_successive_halving HalvingGridSearchCV
sklearn.model_selection._search_successive_halving HalvingRandomSearchCV
sklearn.model_selection._search_successive_halving _SubsampleMetaSplitter
sklearn.model_selection._split BaseCrossValidator
sklearn.model_selection._split BaseShuffleSplit
sklearn.model_selection._split GroupKFold
sklearn.model_selection._split GroupShuffleSplit
sklearn.model_selection._split GroupsConsumerMixin
sklearn.model_selection._split KFold
sklearn.model_selection._split LeaveOneGroupOut
sklearn.model_selection._split LeaveOneOut
sklearn.model_selection._split LeavePGroupsOut
sklearn.model_selection._split LeavePOut
sklearn.model_selection._split PredefinedSplit
sklearn.model_selection._split RepeatedKFold
sklearn.model_selection._split RepeatedStratifiedKFold
sklearn.model_selection._split ShuffleSplit
sklearn.model_selection._split StratifiedGroupKFold
sklearn.model_selection._split StratifiedKFold
sklearn.model_selection._split StratifiedShuffleSplit
sklearn.model_selection._split TimeSeriesSplit
sklearn.model_selection._split _BaseKFold
sklearn.model_selection._split _CVIterableWrapper
sklearn.model_selection._split _RepeatedSplits
sklearn.model_selection._split _UnsupportedGroupCVMixin
sklearn.model_selection.classification_threshold BaseThresholdClassifier
sklearn.model_selection.classification_threshold FixedThresholdClassifier
sklearn.model_selection.classification_threshold TunedThresholdClassifierCV
sklearn.model_selection.plot LearningCurveDisplay
sklearn.model_selection.plot ValidationCurveDisplay
sklearn.model_selection.plot _BaseCurveDisplay
sklearn.model_selection.search BaseSearchCV
sklearn.model_selection.search GridSearchCV
sklearn.model_selection.search ParameterGrid
sklearn.model_selection.search ParameterSampler
sklearn.model_selection.search RandomizedSearchCV
sklearn.model_selection.search_successive_halving BaseSuccessiveHalving
sklearn.model_selection.search_successive_halving HalvingGridSearchCV
sklearn.model_selection.search_successive_halving HalvingRandomSearchCV
sklearn.model_selection.search_successive_halving _SubsampleMetaSplitter
sklearn.model_selection.split BaseCrossValidator
sklearn.model_selection.split BaseShuffleSplit
sklearn.model_selection.split GroupKFold
sklearn.model_selection.split GroupShuffleSplit
sklearn.model_selection.split GroupsConsumerMixin
sklearn.model_selection.split KFold
sklearn.model_selection.split LeaveOneGroupOut
sklearn.model_selection.split LeaveOneOut
sklearn.model_selection.split LeavePGroupsOut
sklearn.model_selection.split LeavePOut
sklearn.model_selection.split PredefinedSplit
sklearn.model_selection.split RepeatedKFold
sklearn.model_selection.split RepeatedStratifiedKFold
sklearn.model_selection.split ShuffleSplit
sklearn.model_selection.split StratifiedGroupKFold
sklearn.model_selection.split StratifiedKFold
sklearn.model_selection.split StratifiedShuffleSplit
sklearn.model_selection.split TimeSeriesSplit
sklearn.model_selection.split _BaseKFold
sklearn.model_selection.split _CVIterableWrapper
sklearn.model_selection.split _RepeatedSplits
sklearn.model_selection.split _UnsupportedGroupCVMixin
sklearn.multiclass OneVsOneClassifier
sklearn.multiclass OneVsRestClassifier
sklearn.multiclass OutputCodeClassifier
sklearn.multiclass _ConstantPredictor
sklearn.multioutput ClassifierChain
sklearn.multioutput MultiOutputClassifier
sklearn.multioutput MultiOutputRegressor
sklearn.multioutput RegressorChain
sklearn.multioutput _BaseChain
sklearn.multioutput _MultiOutputEstimator
sklearn.naive_bayes BernoulliNB
sklearn.naive_bayes CategoricalNB
sklearn.naive_bayes ComplementNB
sklearn.naive_bayes GaussianNB
sklearn.naive_bayes MultinomialNB
sklearn.naive_bayes _BaseDiscreteNB
sklearn.naive_bayes _BaseNB
sklearn.neighbors._ball_tree BallTree
sklearn.neighbors._ball_tree BallTree32
sklearn.neighbors._ball_tree BallTree64
sklearn.neighbors._ball_tree BinaryTree32
sklearn.neighbors._ball_tree BinaryTree64
sklearn.neighbors._ball_tree NeighborsHeap32
sklearn.neighbors._ball_tree NeighborsHeap64
sklearn.neighbors._ball_tree NodeHeap
sklearn.neighbors._ball_tree newObj
sklearn.neighbors._base KNeighborsMixin
sklearn.neighbors._base NeighborsBase
sklearn.neighbors._base RadiusNeighborsMixin
sklearn.neighbors._classification KNeighborsClassifier
sklearn.neighbors._classification RadiusNeighborsClassifier
sklearn.neighbors._graph KNeighborsTransformer
sklearn.neighbors._graph RadiusNeighborsTransformer
sklearn.neighbors._kd_tree BinaryTree32
sklearn.neighbors._kd_tree BinaryTree64
sklearn.neighbors._kd_tree KDTree
sklearn.neighbors._kd_tree KDTree32
sklearn.neighbors._kd_tree KDTree64
sklearn.neighbors._kd_tree NeighborsHeap32
sklearn.neighbors._kd_tree NeighborsHeap64
sklearn.neighbors._kd_tree NodeHeap
sklearn.neighbors._kd_tree newObj
sklearn.neighbors._kde KernelDensity
sklearn.neighbors._lof LocalOutlierFactor
sklearn.neighbors._nca NeighborhoodComponentsAnalysis
sklearn.neighbors._nearest_centroid NearestCentroid
sklearn.neighbors._quad_tree _QuadTree
sklearn.neighbors._regression KNeighborsRegressor
sklearn.neighbors._regression RadiusNeighborsRegressor
sklearn.neighbors._unsupervised NearestNeighbors
sklearn.neighbors.ball_tree BallTree
sklearn.neighbors.ball_tree BallTree32
sklearn.neighbors.ball_tree BallTree64
sklearn.neighbors.ball_tree BinaryTree32
sklearn.neighbors.ball_tree BinaryTree64
sklearn.neighbors.ball_tree NeighborsHeap32
sklearn.neighbors.ball_tree NeighborsHeap64
sklearn.neighbors.ball_tree NodeHeap
sklearn.neighbors.ball_tree newObj
sklearn.neighbors.base KNeighborsMixin
sklearn.neighbors.base NeighborsBase
sklearn.neighbors.base RadiusNeighborsMixin
sklearn.neighbors.classification KNeighborsClassifier
sklearn.neighbors.classification RadiusNeighborsClassifier
sklearn.neighbors.graph KNeighborsTransformer
sklearn.neighbors.graph RadiusNeighborsTransformer
sklearn.neighbors.kd_tree BinaryTree32
sklearn.neighbors.kd_tree BinaryTree64
sklearn.neighbors.kd_tree KDTree
sklearn.neighbors.kd_tree KDTree32
sklearn.neighbors.kd_tree KDTree64
sklearn.neighbors.kd_tree NeighborsHeap32
sklearn.neighbors.kd_tree NeighborsHeap64
sklearn.neighbors.kd_tree NodeHeap
sklearn.neighbors.kd_tree newObj
sklearn.neighbors.kde KernelDensity
sklearn.neighbors.lof LocalOutlierFactor
sklearn.neighbors.nca NeighborhoodComponentsAnalysis
sklearn.neighbors.nearest_centroid NearestCentroid
sklearn.neighbors.quad_tree _QuadTree
sklearn.neighbors.regression KNeighborsRegressor
sklearn.neighbors.regression RadiusNeighborsRegressor
sklearn.neighbors.unsupervised NearestNeighbors
sklearn.neural_network._multilayer_perceptron BaseMultilayerPerceptron
sklearn.neural_network._multilayer_perceptron MLPClassifier
sklearn.neural_network._multilayer_perceptron MLPRegressor
sklearn.neural_network._rbm BernoulliRBM
sklearn.neural_network._stochastic_optimizers AdamOptimizer
sklearn.neural_network._stochastic_optimizers BaseOptimizer
sklearn.neural_network._stochastic_optimizers SGDOptimizer
sklearn.neural_network.multilayer_perceptron BaseMultilayerPerceptron
sklearn.neural_network.multilayer_perceptron MLPClassifier
sklearn.neural_network.multilayer_perceptron MLPRegressor
sklearn.neural_network.rbm BernoulliRBM
sklearn.neural_network.stochastic_optimizers AdamOptimizer
sklearn.neural_network.stochastic_optimizers BaseOptimizer
sklearn.neural_network.stochastic_optimizers SGDOptimizer
sklearn.pipeline FeatureUnion
sklearn.pipeline Pipeline
sklearn.preprocessing._data Binarizer
sklearn.preprocessing._data KernelCenterer
sklearn.preprocessing._data MaxAbsScaler
sklearn.preprocessing._data MinMaxScaler
sklearn.preprocessing._data Normalizer
sklearn.preprocessing._data PowerTransformer
sklearn.preprocessing._data QuantileTransformer
sklearn.preprocessing._data RobustScaler
sklearn.preprocessing._data StandardScaler
sklearn.preprocessing._discretization KBinsDiscretizer
sklearn.preprocessing._encoders OneHotEncoder
sklearn.preprocessing._encoders OrdinalEncoder
sklearn.preprocessing._encoders _BaseEncoder
sklearn.preprocessing._function_transformer FunctionTransformer
sklearn.preprocessing._label LabelBinarizer
sklearn.preprocessing._label LabelEncoder
sklearn.preprocessing._label MultiLabelBinarizer
sklearn.preprocessing._polynomial PolynomialFeatures
sklearn.preprocessing._polynomial SplineTransformer
sklearn.preprocessing._target_encoder TargetEncoder
sklearn.preprocessing.data Binarizer
sklearn.preprocessing.data KernelCenterer
sklearn.preprocessing.data MaxAbsScaler
sklearn.preprocessing.data MinMaxScaler
sklearn.preprocessing.data Normalizer
sklearn.preprocessing.data PowerTransformer
sklearn.preprocessing.data QuantileTransformer
sklearn.preprocessing.data RobustScaler
sklearn.preprocessing.data StandardScaler
sklearn.preprocessing.discretization KBinsDiscretizer
sklearn.preprocessing.encoders OneHotEncoder
sklearn.preprocessing.encoders OrdinalEncoder
sklearn.preprocessing.encoders _BaseEncoder
sklearn.preprocessing.function_transformer FunctionTransformer
sklearn.preprocessing.label LabelBinarizer
sklearn.preprocessing.label LabelEncoder
sklearn.preprocessing.label MultiLabelBinarizer
sklearn.preprocessing.polynomial PolynomialFeatures
sklearn.preprocessing.polynomial SplineTransformer
sklearn.preprocessing.target_encoder TargetEncoder
sklearn.random_projection BaseRandomProjection
sklearn.random_projection GaussianRandomProjection
sklearn.random_projection SparseRandomProjection
sklearn.semi_supervised._label_propagation BaseLabelPropagation
sklearn.semi_supervised._label_propagation LabelPropagation
sklearn.semi_supervised._label_propagation LabelSpreading
sklearn.semi_supervised._self_training SelfTrainingClassifier
sklearn.semi_supervised.label_propagation BaseLabelPropagation
sklearn.semi_supervised.label_propagation LabelPropagation
sklearn.semi_supervised.label_propagation LabelSpreading
sklearn.semi_supervised.self_training SelfTrainingClassifier
sklearn.svm._base BaseLibSVM
sklearn.svm._base BaseSVC
sklearn.svm._classes LinearSVC
sklearn.svm._classes LinearSVR
sklearn.svm._classes NuSVC
sklearn.svm._classes NuSVR
sklearn.svm._classes OneClassSVM
sklearn.svm._classes SVC
sklearn.svm._classes SVR
sklearn.svm.base BaseLibSVM
sklearn.svm.base BaseSVC
sklearn.svm.classes LinearSVC
sklearn.svm.classes LinearSVR
sklearn.svm.classes NuSVC
sklearn.svm.classes NuSVR
sklearn.svm.classes OneClassSVM
sklearn.svm.classes SVC
sklearn.svm.classes SVR
sklearn.tree._classes BaseDecisionTree
sklearn.tree._classes DecisionTreeClassifier
sklearn.tree._classes DecisionTreeRegressor
sklearn.tree._classes ExtraTreeClassifier
sklearn.tree._classes ExtraTreeRegressor
sklearn.tree._criterion ClassificationCriterion
sklearn.tree._criterion Criterion
sklearn.tree._criterion Entropy
sklearn.tree._criterion Gini
sklearn.tree._criterion MAE
sklearn.tree._criterion MSE
sklearn.tree._criterion Poisson
sklearn.tree._criterion RegressionCriterion
sklearn.tree._criterion __pyx_unpickle_Criterion
sklearn.tree._export Sentinel
sklearn.tree._export _BaseTreeExporter
sklearn.tree._export _DOTTreeExporter
sklearn.tree._export _MPLTreeExporter
sklearn.tree._partitioner DensePartitioner
sklearn.tree._partitioner SparsePartitioner
sklearn.tree._partitioner __pyx_unpickle_DensePartitioner
sklearn.tree._partitioner __pyx_unpickle_SparsePartitioner
sklearn.tree._reingold_tilford DrawTree
sklearn.tree._reingold_tilford Tree
sklearn.tree._splitter BestSparseSplitter
sklearn.tree._splitter BestSplitter
sklearn.tree._splitter RandomSparseSplitter
sklearn.tree._splitter RandomSplitter
sklearn.tree._splitter Splitter
sklearn.tree._tree BestFirstTreeBuilder
sklearn.tree._tree DepthFirstTreeBuilder
sklearn.tree._tree Tree
sklearn.tree._tree TreeBuilder
sklearn.tree._tree _AlphaPruner
sklearn.tree._tree _CCPPruneController
sklearn.tree._tree _PathFinder
sklearn.tree._tree __pyx_unpickle_TreeBuilder
sklearn.tree._tree __pyx_unpickle__CCPPruneController
sklearn.tree._utils PytestWeightedFenwickTree
sklearn.tree._utils WeightedFenwickTree
sklearn.tree.classes BaseDecisionTree
sklearn.tree.classes DecisionTreeClassifier
sklearn.tree.classes DecisionTreeRegressor
sklearn.tree.classes ExtraTreeClassifier
sklearn.tree.classes ExtraTreeRegressor
sklearn.tree.criterion ClassificationCriterion
sklearn.tree.criterion Criterion
sklearn.tree.criterion Entropy
sklearn.tree.criterion Gini
sklearn.tree.criterion MAE
sklearn.tree.criterion MSE
sklearn.tree.criterion Poisson
sklearn.tree.criterion RegressionCriterion
sklearn.tree.criterion __pyx_unpickle_Criterion
sklearn.tree.export Sentinel
sklearn.tree.export _BaseTreeExporter
sklearn.tree.export _DOTTreeExporter
sklearn.tree.export _MPLTreeExporter
sklearn.tree.partitioner DensePartitioner
sklearn.tree.partitioner SparsePartitioner
sklearn.tree.partitioner __pyx_unpickle_DensePartitioner
sklearn.tree.partitioner __pyx_unpickle_SparsePartitioner
sklearn.tree.reingold_tilford DrawTree
sklearn.tree.reingold_tilford Tree
sklearn.tree.splitter BestSparseSplitter
sklearn.tree.splitter BestSplitter
sklearn.tree.splitter RandomSparseSplitter
sklearn.tree.splitter RandomSplitter
sklearn.tree.splitter Splitter
sklearn.tree.tree BestFirstTreeBuilder
sklearn.tree.tree DepthFirstTreeBuilder
sklearn.tree.tree Tree
sklearn.tree.tree TreeBuilder
sklearn.tree.tree _AlphaPruner
sklearn.tree.tree _CCPPruneController
sklearn.tree.tree _PathFinder
sklearn.tree.tree __pyx_unpickle_TreeBuilder
sklearn.tree.tree __pyx_unpickle__CCPPruneController
sklearn.tree.utils PytestWeightedFenwickTree
sklearn.tree.utils WeightedFenwickTree
sklearn.utils._array_api NamespaceAndDevice
sklearn.utils._available_if _AvailableIfDescriptor
sklearn.utils._bunch Bunch
sklearn.utils._cython_blas BLAS_Order
sklearn.utils._cython_blas BLAS_Trans
sklearn.utils._encode MissingValues
sklearn.utils._encode _NaNCounter
sklearn.utils._encode _nandict
sklearn.utils._fast_dict IntFloatDict
sklearn.utils._fast_dict __pyx_unpickle_IntFloatDict
sklearn.utils._isfinite FiniteStatus
sklearn.utils._metadata_requests MetadataRequest
sklearn.utils._metadata_requests MetadataRouter
sklearn.utils._metadata_requests MethodMapping
sklearn.utils._metadata_requests MethodMetadataRequest
sklearn.utils._metadata_requests MethodPair
sklearn.utils._metadata_requests RequestMethod
sklearn.utils._metadata_requests RouterMappingPair
sklearn.utils._metadata_requests _MetadataRequester
sklearn.utils._metadata_requests _RoutingNotSupportedMixin
sklearn.utils._mocking ArraySlicingWrapper
sklearn.utils._mocking CheckingClassifier
sklearn.utils._mocking MockDataFrame
sklearn.utils._mocking NoSampleWeightWrapper
sklearn.utils._mocking _MockEstimatorOnOffPrediction
sklearn.utils._param_validation HasMethods
sklearn.utils._param_validation Hidden
sklearn.utils._param_validation Interval
sklearn.utils._param_validation InvalidParameterError
sklearn.utils._param_validation MissingValues
sklearn.utils._param_validation Options
sklearn.utils._param_validation RealNotInt
sklearn.utils._param_validation StrOptions
sklearn.utils._param_validation _ArrayLikes
sklearn.utils._param_validation _Booleans
sklearn.utils._param_validation _CVObjects
sklearn.utils._param_validation _Callables
sklearn.utils._param_validation _Constraint
sklearn.utils._param_validation _InstancesOf
sklearn.utils._param_validation _IterablesNotString
sklearn.utils._param_validation _NanConstraint
sklearn.utils._param_validation _NoneConstraint
sklearn.utils._param_validation _PandasNAConstraint
sklearn.utils._param_validation _RandomStates
sklearn.utils._param_validation _SparseMatrices
sklearn.utils._param_validation _VerboseHelper
sklearn.utils._plotting _BinaryClassifierCurveDisplayMixin
sklearn.utils._pprint KeyValTuple
sklearn.utils._pprint KeyValTupleParam
sklearn.utils._pprint _EstimatorPrettyPrinter
sklearn.utils._repr_html.base ReprHTMLMixin
sklearn.utils._repr_html.base _HTMLDocumentationLinkMixin
sklearn.utils._repr_html.base _IDCounter
sklearn.utils._repr_html.estimator _VisualBlock
sklearn.utils._repr_html.fitted_attributes AttrsDict
sklearn.utils._repr_html.params ParamsDict
sklearn.utils._seq_dataset ArrayDataset32
sklearn.utils._seq_dataset ArrayDataset64
sklearn.utils._seq_dataset CSRDataset32
sklearn.utils._seq_dataset CSRDataset64
sklearn.utils._seq_dataset SequentialDataset32
sklearn.utils._seq_dataset SequentialDataset64
sklearn.utils._set_output ContainerAdapterProtocol
sklearn.utils._set_output ContainerAdaptersManager
sklearn.utils._set_output PandasAdapter
sklearn.utils._set_output PolarsAdapter
sklearn.utils._set_output _SetOutputMixin
sklearn.utils._tags ClassifierTags
sklearn.utils._tags InputTags
sklearn.utils._tags RegressorTags
sklearn.utils._tags Tags
sklearn.utils._tags TargetTags
sklearn.utils._tags TransformerTags
sklearn.utils._vector_sentinel StdVectorSentinel
sklearn.utils._vector_sentinel StdVectorSentinelFloat64
sklearn.utils._vector_sentinel StdVectorSentinelInt32
sklearn.utils._vector_sentinel StdVectorSentinelInt64
sklearn.utils._vector_sentinel StdVectorSentinelIntP
sklearn.utils._vector_sentinel __pyx_unpickle_StdVectorSentinel
sklearn.utils._vector_sentinel __pyx_unpickle_StdVectorSentinelFloat64
sklearn.utils._vector_sentinel __pyx_unpickle_StdVectorSentinelInt32
sklearn.utils._vector_sentinel __pyx_unpickle_StdVectorSentinelInt64
sklearn.utils._vector_sentinel __pyx_unpickle_StdVectorSentinelIntP
sklearn.utils._weight_vector WeightVector32
sklearn.utils._weight_vector WeightVector64
sklearn.utils.array_api NamespaceAndDevice
sklearn.utils.available_if _AvailableIfDescriptor
sklearn.utils.bunch Bunch
sklearn.utils.cython_blas BLAS_Order
sklearn.utils.cython_blas BLAS_Trans
sklearn.utils.deprecation deprecated
sklearn.utils.encode MissingValues
sklearn.utils.encode _NaNCounter
sklearn.utils.encode _nandict
sklearn.utils.estimator_checks _NotAnArray
sklearn.utils.fast_dict IntFloatDict
sklearn.utils.fast_dict __pyx_unpickle_IntFloatDict
sklearn.utils.isfinite FiniteStatus
sklearn.utils.metadata_requests MetadataRequest
sklearn.utils.metadata_requests MetadataRouter
sklearn.utils.metadata_requests MethodMapping
sklearn.utils.metadata_requests MethodMetadataRequest
sklearn.utils.metadata_requests MethodPair
sklearn.utils.metadata_requests RequestMethod
sklearn.utils.metadata_requests RouterMappingPair
sklearn.utils.metadata_requests _MetadataRequester
sklearn.utils.metadata_requests _RoutingNotSupportedMixin
sklearn.utils.metaestimators _BaseComposition
sklearn.utils.mocking ArraySlicingWrapper
sklearn.utils.mocking CheckingClassifier
sklearn.utils.mocking MockDataFrame
sklearn.utils.mocking NoSampleWeightWrapper
sklearn.utils.mocking _MockEstimatorOnOffPrediction
sklearn.utils.optimize _LineSearchError
sklearn.utils.parallel Parallel
sklearn.utils.parallel _FuncWrapper
sklearn.utils.param_validation HasMethods
sklearn.utils.param_validation Hidden
sklearn.utils.param_validation Interval
sklearn.utils.param_validation InvalidParameterError
sklearn.utils.param_validation MissingValues
sklearn.utils.param_validation Options
sklearn.utils.param_validation RealNotInt
sklearn.utils.param_validation StrOptions
sklearn.utils.param_validation _ArrayLikes
sklearn.utils.param_validation _Booleans
sklearn.utils.param_validation _CVObjects
sklearn.utils.param_validation _Callables
sklearn.utils.param_validation _Constraint
sklearn.utils.param_validation _InstancesOf
sklearn.utils.param_validation _IterablesNotString
sklearn.utils.param_validation _NanConstraint
sklearn.utils.param_validation _NoneConstraint
sklearn.utils.param_validation _PandasNAConstraint
sklearn.utils.param_validation _RandomStates
sklearn.utils.param_validation _SparseMatrices
sklearn.utils.param_validation _VerboseHelper
sklearn.utils.plotting _BinaryClassifierCurveDisplayMixin
sklearn.utils.pprint KeyValTuple
sklearn.utils.pprint KeyValTupleParam
sklearn.utils.pprint _EstimatorPrettyPrinter
sklearn.utils.repr_html.base ReprHTMLMixin
sklearn.utils.repr_html.base _HTMLDocumentationLinkMixin
sklearn.utils.repr_html.base _IDCounter
sklearn.utils.repr_html.estimator _VisualBlock
sklearn.utils.repr_html.fitted_attributes AttrsDict
sklearn.utils.repr_html.params ParamsDict
sklearn.utils.seq_dataset ArrayDataset32
sklearn.utils.seq_dataset ArrayDataset64
sklearn.utils.seq_dataset CSRDataset32
sklearn.utils.seq_dataset CSRDataset64
sklearn.utils.seq_dataset SequentialDataset32
sklearn.utils.seq_dataset SequentialDataset64
sklearn.utils.set_output ContainerAdapterProtocol
sklearn.utils.set_output ContainerAdaptersManager
sklearn.utils.set_output PandasAdapter
sklearn.utils.set_output PolarsAdapter
sklearn.utils.set_output _SetOutputMixin
sklearn.utils.tags ClassifierTags
sklearn.utils.tags InputTags
sklearn.utils.tags RegressorTags
sklearn.utils.tags Tags
sklearn.utils.tags TargetTags
sklearn.utils.tags TransformerTags
sklearn.utils.vector_sentinel StdVectorSentinel
sklearn.utils.vector_sentinel StdVectorSentinelFloat64
sklearn.utils.vector_sentinel StdVectorSentinelInt32
sklearn.utils.vector_sentinel StdVectorSentinelInt64
sklearn.utils.vector_sentinel StdVectorSentinelIntP
sklearn.utils.vector_sentinel __pyx_unpickle_StdVectorSentinel
sklearn.utils.vector_sentinel __pyx_unpickle_StdVectorSentinelFloat64
sklearn.utils.vector_sentinel __pyx_unpickle_StdVectorSentinelInt32
sklearn.utils.vector_sentinel __pyx_unpickle_StdVectorSentinelInt64
sklearn.utils.vector_sentinel __pyx_unpickle_StdVectorSentinelIntP
sklearn.utils.weight_vector WeightVector32
sklearn.utils.weight_vector WeightVector64
sktime.datatypes._dtypekind DtypeKind
sktime.dists_kernels._numba_distances.lower_bounding LowerBounding
sktime.libs.chronos.chronos_bolt ChronosBoltOutput
sktime.libs.granite_ttm.modeling_tinytimemixer SampleTinyTimeMixerPredictionOutput
sktime.libs.granite_ttm.modeling_tinytimemixer TinyTimeMixerEncoderOutput
sktime.libs.granite_ttm.modeling_tinytimemixer TinyTimeMixerForDecomposedPredictionOutput
sktime.libs.granite_ttm.modeling_tinytimemixer TinyTimeMixerForPredictionOutput
sktime.libs.granite_ttm.modeling_tinytimemixer TinyTimeMixerModelOutput
sktime.libs.timer_s1.modeling_TimerS1 TempMoeModelOutputWithPast
sktime.libs.timer_s1.modeling_TimerS1 TimerS1CausalLMOutput
statsmodels.datasets.utils Dataset
statsmodels.iolib.table Row
statsmodels.iolib.table SimpleTable
statsmodels.stats.inter_rater KappaResults
statsmodels.stats.inter_rater ResultsBunch
statsmodels.tools._decorators ResettableCache
statsmodels.tools.tools Bunch
statsmodels.tsa.statespace.dynamic_factor_mq DynamicFactorMQStates
statsmodels.tsa.statespace.dynamic_factor_mq FactorBlock
timm.layers.format Format
tokenizers OffsetReferential
tokenizers OffsetType
tokenizers SplitDelimiterBehavior
torch._decomp.decompositions Reduction
torch._export.db.case SupportLevel
torch._export.db.examples.specialized_attribute Animal
torch._export.error ExportErrorType
torch._export.serde.schema ArgumentKind
torch._export.serde.schema Layout
torch._export.serde.schema MemoryFormat
torch._export.serde.schema ScalarType
torch._export.serde.serialize LazyMap
torch._functorch._aot_autograd.schemas MutationType
torch._functorch._aot_autograd.schemas OutputType
torch._guards GuardSource
torch._higher_order_ops.scan ScanForwardIntermediatesHandlingPolicy
torch._library.effects EffectType
torch._library.opaque_object MemberType
torch._meta_registrations GridSamplerInterpolation
torch._prims ELEMENTWISE_PRIM_TYPE_PROMOTION_KIND
torch._prims_common ELEMENTWISE_TYPE_PROMOTION_KIND
torch._prims_common REDUCTION_OUTPUT_TYPE_KIND
torch._prims_common RETURN_TYPE
torch._subclasses.fake_tensor _FakeTensorConstructorIgnoredState
torch._subclasses.meta_utils _MetaTensorCallbackKwargs
torch._utils _Block
torch._utils _Frame
torch._utils _Segment
torch._utils _Snapshot
torch._utils _TraceEntry
torch.amp.grad_scaler OptState
torch.ao.ns.fx.graph_matcher SubgraphTypeRelationship
torch.ao.ns.fx.ns_types NSSingleResultValuesType
torch.ao.ns.fx.utils NodeInputOrOutputType
torch.ao.quantization.backend_config.backend_config ObservationType
torch.ao.quantization.observer MappingType
torch.ao.quantization.observer TorchAODType
torch.ao.quantization.observer ZeroPointDomain
torch.ao.quantization.quant_type QuantType
torch.autograd.profiler_util EventList
torch.autograd.profiler_util StringTable
torch.backends._nnapi.serializer DimOrder
torch.backends._nnapi.serializer TorchScalarTypes
torch.cuda._sanitizer AccessType
torch.distributed._shard.checkpoint._async_process_executor _CheckpointSaveProcessControlOpts
torch.distributed._shard.checkpoint._experimental.checkpoint_process RequestType
torch.distributed._shard.checkpoint.filesystem SerializationFormat
torch.distributed._shard.checkpoint.metadata _MEM_FORMAT_ENCODING
torch.distributed._shard.checkpoint.planner LoadItemType
torch.distributed._shard.checkpoint.planner WriteItemType
torch.distributed._shard.checkpoint.state_dict_saver AsyncCheckpointerType
torch.distributed._shard.sharded_tensor.metadata MEM_FORMAT_ENCODING
torch.distributed._sharded_tensor.metadata MEM_FORMAT_ENCODING
torch.distributed._symmetric_memory _ScaleMode
torch.distributed._tools.fsdp2_mem_tracker _FSDPModState
torch.distributed._tools.fsdp2_mem_tracker _FSDPRefType
torch.distributed._tools.fsdp2_mem_tracker _FSDPState
torch.distributed._tools.ilp_utils ModOrder
torch.distributed._tools.ilp_utils ModRuntime
torch.distributed._tools.ilp_utils ModStats
torch.distributed._tools.ilp_utils ModuleInfo
torch.distributed._tools.ilp_utils Node
torch.distributed._tools.mem_tracker _MemRefType
torch.distributed._tools.mem_tracker _ModState
torch.distributed._tools.mem_tracker _RefType
torch.distributed._tools.mem_tracker _State
torch.distributed._tools.mem_tracker _UpdateType
torch.distributed.algorithms._checkpoint.checkpoint_wrapper CheckpointImpl
torch.distributed.algorithms._quantization.quantization DQuantType
torch.distributed.algorithms.ddp_comm_hooks DDPCommHookType
torch.distributed.checkpoint._async_process_executor _CheckpointSaveProcessControlOpts
torch.distributed.checkpoint._experimental.checkpoint_process RequestType
torch.distributed.checkpoint.filesystem SerializationFormat
torch.distributed.checkpoint.metadata _MEM_FORMAT_ENCODING
torch.distributed.checkpoint.planner LoadItemType
torch.distributed.checkpoint.planner WriteItemType
torch.distributed.checkpoint.state_dict_saver AsyncCheckpointerType
torch.distributed.distributed_c10d _GroupMetadata
torch.distributed.distributed_c10d _PGConfig
torch.distributed.distributed_c10d _ShrinkGroupInfo
torch.distributed.distributed_c10d _WorldPGConfig
torch.distributed.elastic.agent.server.api WorkerState
torch.distributed.elastic.events.api EventSource
torch.distributed.elastic.events.api NodeState
torch.distributed.elastic.multiprocessing.api Std
torch.distributed.elastic.rendezvous.dynamic_rendezvous _Action
torch.distributed.flight_recorder.components.types MatchState
torch.distributed.fsdp._common_utils HandleTrainingState
torch.distributed.fsdp._common_utils TrainingState
torch.distributed.fsdp._exec_order_utils _ExecOrderWarnStatus
torch.distributed.fsdp._flat_param HandleShardingStrategy
torch.distributed.fsdp._fully_shard._fsdp_common TrainingState
torch.distributed.fsdp._fully_shard._fsdp_param ShardedState
torch.distributed.fsdp._runtime_utils _PrefetchMode
torch.distributed.fsdp.api BackwardPrefetch
torch.distributed.fsdp.api ShardingStrategy
torch.distributed.fsdp.api StateDictType
torch.distributed.fsdp.fully_sharded_data_parallel OptimStateKeyType
torch.distributed.optim.zero_redundancy_optimizer _OverlapStatus
torch.distributed.pipelining._IR MultiUseParameterConfig
torch.distributed.pipelining._IR SplitPoint
torch.distributed.pipelining._utils InferenceMode
torch.distributed.pipelining.schedules _ComputationType
torch.distributed.rpc.backend_registry BackendType
torch.distributed.rpc.internal RPCExecMode
torch.distributed.tensor._ops._math_ops Reduction
torch.distributed.tensor._redistribute _BackwardDtypeConfig
torch.distributed.tensor._redistribute _DtypeConfig
torch.distributed.tensor.experimental._context_parallel._attention _CausalBehavior
torch.distributed.tensor.experimental._context_parallel._attention _DispatchMode
torch.distributed.tensor.experimental._context_parallel._attention _RotateMethod
torch.distributed.tensor.placement_types _StridedShardOffsetMode
torch.export._draft_export FailureType
torch.export._trace _ExportModuleSpecTrackerDict
torch.export.decomp_utils CustomDecompTable
torch.export.dynamic_shapes _DimHintType
torch.export.graph_signature InputKind
torch.export.graph_signature OutputKind
torch.export.pt2_archive._package_weights Weights
torch.export.unflatten _AttrKind
torch.fx.experimental._config AggressiveGuardFreeMode
torch.fx.experimental.partitioner_utils PartitionMode
torch.fx.experimental.symbolic_shapes DimDynamic
torch.fx.immutable_collections immutable_dict
torch.fx.immutable_collections immutable_list
torch.fx.passes.reinplace _ViewType
torch.fx.traceback NodeSourceAction
torch.multiprocessing.reductions SharedCache
torch.nn.attention.bias CausalVariant
torch.nn.attention.experimental._scaled_dot_product_attention_quantized DescaleType
torch.nn.attention.flex_attention FlexKernelOptions
torch.nn.attention.flex_attention _KernelOptionsWithInternals
torch.nn.attention.flex_attention _ModificationType
torch.nn.modules.activation CELU
torch.nn.modules.activation ELU
torch.nn.modules.activation GELU
torch.nn.modules.activation GLU
torch.nn.modules.activation Hardshrink
torch.nn.modules.activation Hardsigmoid
torch.nn.modules.activation Hardswish
torch.nn.modules.activation Hardtanh
torch.nn.modules.activation LeakyReLU
torch.nn.modules.activation LogSigmoid
torch.nn.modules.activation LogSoftmax
torch.nn.modules.activation Mish
torch.nn.modules.activation MultiheadAttention
torch.nn.modules.activation PReLU
torch.nn.modules.activation RReLU
torch.nn.modules.activation ReLU
torch.nn.modules.activation ReLU6
torch.nn.modules.activation SELU
torch.nn.modules.activation SiLU
torch.nn.modules.activation Sigmoid
torch.nn.modules.activation Softmax
torch.nn.modules.activation Softmax2d
torch.nn.modules.activation Softmin
torch.nn.modules.activation Softplus
torch.nn.modules.activation Softshrink
torch.nn.modules.activation Softsign
torch.nn.modules.activation Tanh
torch.nn.modules.activation Tanhshrink
torch.nn.modules.activation Threshold
torch.nn.modules.adaptive AdaptiveLogSoftmaxWithLoss
torch.nn.modules.batchnorm BatchNorm1d
torch.nn.modules.batchnorm BatchNorm2d
torch.nn.modules.batchnorm BatchNorm3d
torch.nn.modules.batchnorm LazyBatchNorm1d
torch.nn.modules.batchnorm LazyBatchNorm2d
torch.nn.modules.batchnorm LazyBatchNorm3d
torch.nn.modules.batchnorm SyncBatchNorm
torch.nn.modules.batchnorm _BatchNorm
torch.nn.modules.batchnorm _LazyNormBase
torch.nn.modules.batchnorm _NormBase
torch.nn.modules.channelshuffle ChannelShuffle
torch.nn.modules.container Container
torch.nn.modules.container ModuleDict
torch.nn.modules.container ModuleList
torch.nn.modules.container ParameterDict
torch.nn.modules.container ParameterList
torch.nn.modules.container Sequential
torch.nn.modules.conv Conv1d
torch.nn.modules.conv Conv2d
torch.nn.modules.conv Conv3d
torch.nn.modules.conv ConvTranspose1d
torch.nn.modules.conv ConvTranspose2d
torch.nn.modules.conv ConvTranspose3d
torch.nn.modules.conv LazyConv1d
torch.nn.modules.conv LazyConv2d
torch.nn.modules.conv LazyConv3d
torch.nn.modules.conv LazyConvTranspose1d
torch.nn.modules.conv LazyConvTranspose2d
torch.nn.modules.conv LazyConvTranspose3d
torch.nn.modules.conv _ConvNd
torch.nn.modules.conv _ConvTransposeMixin
torch.nn.modules.conv _ConvTransposeNd
torch.nn.modules.distance CosineSimilarity
torch.nn.modules.distance PairwiseDistance
torch.nn.modules.dropout AlphaDropout
torch.nn.modules.dropout Dropout
torch.nn.modules.dropout Dropout1d
torch.nn.modules.dropout Dropout2d
torch.nn.modules.dropout Dropout3d
torch.nn.modules.dropout FeatureAlphaDropout
torch.nn.modules.dropout _DropoutNd
torch.nn.modules.flatten Flatten
torch.nn.modules.flatten Unflatten
torch.nn.modules.fold Fold
torch.nn.modules.fold Unfold
torch.nn.modules.instancenorm InstanceNorm1d
torch.nn.modules.instancenorm InstanceNorm2d
torch.nn.modules.instancenorm InstanceNorm3d
torch.nn.modules.instancenorm LazyInstanceNorm1d
torch.nn.modules.instancenorm LazyInstanceNorm2d
torch.nn.modules.instancenorm LazyInstanceNorm3d
torch.nn.modules.instancenorm _InstanceNorm
torch.nn.modules.linear Bilinear
torch.nn.modules.linear Identity
torch.nn.modules.linear LazyLinear
torch.nn.modules.linear Linear
torch.nn.modules.linear NonDynamicallyQuantizableLinear
torch.nn.modules.loss BCELoss
torch.nn.modules.loss BCEWithLogitsLoss
torch.nn.modules.loss CTCLoss
torch.nn.modules.loss CosineEmbeddingLoss
torch.nn.modules.loss CrossEntropyLoss
torch.nn.modules.loss GaussianNLLLoss
torch.nn.modules.loss HingeEmbeddingLoss
torch.nn.modules.loss HuberLoss
torch.nn.modules.loss KLDivLoss
torch.nn.modules.loss L1Loss
torch.nn.modules.loss LinearCrossEntropyLoss
torch.nn.modules.loss MSELoss
torch.nn.modules.loss MarginRankingLoss
torch.nn.modules.loss MultiLabelMarginLoss
torch.nn.modules.loss MultiLabelSoftMarginLoss
torch.nn.modules.loss MultiMarginLoss
torch.nn.modules.loss NLLLoss
torch.nn.modules.loss NLLLoss2d
torch.nn.modules.loss PoissonNLLLoss
torch.nn.modules.loss SmoothL1Loss
torch.nn.modules.loss SoftMarginLoss
torch.nn.modules.loss TripletMarginLoss
torch.nn.modules.loss TripletMarginWithDistanceLoss
torch.nn.modules.loss _Loss
torch.nn.modules.loss _WeightedLoss
torch.nn.modules.module Module
torch.nn.modules.normalization CrossMapLRN2d
torch.nn.modules.normalization GroupNorm
torch.nn.modules.normalization LayerNorm
torch.nn.modules.normalization LocalResponseNorm
torch.nn.modules.normalization RMSNorm
torch.nn.modules.padding CircularPad1d
torch.nn.modules.padding CircularPad2d
torch.nn.modules.padding CircularPad3d
torch.nn.modules.padding ConstantPad1d
torch.nn.modules.padding ConstantPad2d
torch.nn.modules.padding ConstantPad3d
torch.nn.modules.padding ReflectionPad1d
torch.nn.modules.padding ReflectionPad2d
torch.nn.modules.padding ReflectionPad3d
torch.nn.modules.padding ReplicationPad1d
torch.nn.modules.padding ReplicationPad2d
torch.nn.modules.padding ReplicationPad3d
torch.nn.modules.padding ZeroPad1d
torch.nn.modules.padding ZeroPad2d
torch.nn.modules.padding ZeroPad3d
torch.nn.modules.padding _CircularPadNd
torch.nn.modules.padding _ConstantPadNd
torch.nn.modules.padding _ReflectionPadNd
torch.nn.modules.padding _ReplicationPadNd
torch.nn.modules.pixelshuffle PixelShuffle
torch.nn.modules.pixelshuffle PixelUnshuffle
torch.nn.modules.pooling AdaptiveAvgPool1d
torch.nn.modules.pooling AdaptiveAvgPool2d
torch.nn.modules.pooling AdaptiveAvgPool3d
torch.nn.modules.pooling AdaptiveMaxPool1d
torch.nn.modules.pooling AdaptiveMaxPool2d
torch.nn.modules.pooling AdaptiveMaxPool3d
torch.nn.modules.pooling AvgPool1d
torch.nn.modules.pooling AvgPool2d
torch.nn.modules.pooling AvgPool3d
torch.nn.modules.pooling FractionalMaxPool2d
torch.nn.modules.pooling FractionalMaxPool3d
torch.nn.modules.pooling LPPool1d
torch.nn.modules.pooling LPPool2d
torch.nn.modules.pooling LPPool3d
torch.nn.modules.pooling MaxPool1d
torch.nn.modules.pooling MaxPool2d
torch.nn.modules.pooling MaxPool3d
torch.nn.modules.pooling MaxUnpool1d
torch.nn.modules.pooling MaxUnpool2d
torch.nn.modules.pooling MaxUnpool3d
torch.nn.modules.pooling _AdaptiveAvgPoolNd
torch.nn.modules.pooling _AdaptiveMaxPoolNd
torch.nn.modules.pooling _AvgPoolNd
torch.nn.modules.pooling _LPPoolNd
torch.nn.modules.pooling _MaxPoolNd
torch.nn.modules.pooling _MaxUnpoolNd
torch.nn.modules.rnn GRU
torch.nn.modules.rnn GRUCell
torch.nn.modules.rnn LSTM
torch.nn.modules.rnn LSTMCell
torch.nn.modules.rnn RNN
torch.nn.modules.rnn RNNBase
torch.nn.modules.rnn RNNCell
torch.nn.modules.rnn RNNCellBase
torch.nn.modules.sparse Embedding
torch.nn.modules.sparse EmbeddingBag
torch.nn.modules.transformer Transformer
torch.nn.modules.transformer TransformerDecoder
torch.nn.modules.transformer TransformerDecoderLayer
torch.nn.modules.transformer TransformerEncoder
torch.nn.modules.transformer TransformerEncoderLayer
torch.nn.modules.upsampling Upsample
torch.nn.modules.upsampling UpsamplingBilinear2d
torch.nn.modules.upsampling UpsamplingNearest2d
torch.nn.parallel.distributed _BufferCommHookLocation
torch.nn.utils.parametrizations _OrthMaps
torch.numa.binding AffinityMode
torch.onnx._internal.torchscript_exporter._type_utils JitScalarType
torch.onnx._internal.torchscript_exporter.verification OnnxBackend
torch.optim.lr_scheduler _SchedulePhase
torch.profiler._cupti._records_base Ctype
torch.profiler._memory_profiler Action
torch.profiler._memory_profiler Category
torch.profiler.profiler ProfilerAction
torch.utils._sympy.symbol SymT
torch.utils.benchmark.utils.compare Colorize
torch.utils.benchmark.utils.timer Language
torch.utils.benchmark.utils.valgrind_wrapper.timer_interface Serialization
torch.utils.checkpoint CheckpointPolicy
torch.utils.data.datapipes._hook_iterator _SnapshotState
torch.utils.data.datapipes.dataframe.structures DataChunkDF
torch.utils.data.datapipes.datapipe DataChunk
torch.utils.data.datapipes.iter.sharding SHARDING_PRIORITIES
torch.utils.dlpack DLDeviceType
torch.utils.hipify.hipify_python CurrentState
torch.utils.mobile_optimizer LintCode
torchvision._utils StrEnum
torchvision.io.image ImageReadMode
torchvision.transforms.autoaugment AutoAugmentPolicy
torchvision.transforms.functional InterpolationMode
torchvision.tv_tensors._bounding_boxes BoundingBoxFormat
torchvision.tv_tensors._dataset_wrapper WrapperFactories
transformers.activations ClassInstantier
transformers.backbone_utils BackboneType
transformers.cache_utils KVSharingDict
transformers.cli.serve ReasoningMode
transformers.cli.serving.utils Modality
transformers.debug_utils DebugOption
transformers.debug_utils DebugUnderflowOverflow
transformers.exporters.configs ExportFormat
transformers.feature_extraction_utils BatchFeature
transformers.generation.configuration_utils GenerationConfig
transformers.generation.configuration_utils GenerationMode
transformers.generation.continuous_batching.input_outputs PagedAttentionArgs
transformers.generation.continuous_batching.requests RequestStatus
transformers.generation.logits_process LogitsProcessorList
transformers.generation.stopping_criteria StoppingCriteriaList
transformers.generation.utils GenerateBeamDecoderOnlyOutput
transformers.generation.utils GenerateBeamEncoderDecoderOutput
transformers.generation.utils GenerateDecoderOnlyOutput
transformers.generation.utils GenerateEncoderDecoderOutput
transformers.generation.watermarking BayesianWatermarkDetectorModelOutput
transformers.image_processing_base BatchFeature
transformers.image_processing_outputs SemanticSegmentationPostProcessorOutput
transformers.image_transforms PaddingMode
transformers.image_utils AnnotationFormat
transformers.image_utils ChannelDimension
transformers.image_utils ImageType
transformers.integrations.integration_utils WandbLogModel
transformers.modeling_flash_attention_utils FlashAttentionKwargs
transformers.modeling_outputs BackboneOutput
transformers.modeling_outputs BaseModelOutput
transformers.modeling_outputs BaseModelOutputWithCrossAttentions
transformers.modeling_outputs BaseModelOutputWithNoAttention
transformers.modeling_outputs BaseModelOutputWithPast
transformers.modeling_outputs BaseModelOutputWithPastAndCrossAttentions
transformers.modeling_outputs BaseModelOutputWithPooling
transformers.modeling_outputs BaseModelOutputWithPoolingAndCrossAttentions
transformers.modeling_outputs BaseModelOutputWithPoolingAndNoAttention
transformers.modeling_outputs BaseModelOutputWithPoolingAndProjection
transformers.modeling_outputs CausalLMOutput
transformers.modeling_outputs CausalLMOutputWithCrossAttentions
transformers.modeling_outputs CausalLMOutputWithPast
transformers.modeling_outputs DepthEstimatorOutput
transformers.modeling_outputs ImageClassifierOutput
transformers.modeling_outputs ImageClassifierOutputWithNoAttention
transformers.modeling_outputs ImageSuperResolutionOutput
transformers.modeling_outputs MaskedImageModelingOutput
transformers.modeling_outputs MaskedLMOutput
transformers.modeling_outputs MoEModelOutput
transformers.modeling_outputs MoEModelOutputWithPastAndCrossAttentions
transformers.modeling_outputs MoeCausalLMOutputWithPast
transformers.modeling_outputs MoeModelOutputWithPast
transformers.modeling_outputs MultimodalBaseModelOutputWithPast
transformers.modeling_outputs MultimodalCausalLMOutputWithPast
transformers.modeling_outputs MultimodalModelOutput
transformers.modeling_outputs MultimodalMoeBaseModelOutputWithPast
transformers.modeling_outputs MultimodalMoeCausalLMOutputWithPast
transformers.modeling_outputs MultipleChoiceModelOutput
transformers.modeling_outputs NextSentencePredictorOutput
transformers.modeling_outputs QuestionAnsweringModelOutput
transformers.modeling_outputs SampleTSPredictionOutput
transformers.modeling_outputs SemanticSegmenterOutput
transformers.modeling_outputs Seq2SeqLMOutput
transformers.modeling_outputs Seq2SeqMoEModelOutput
transformers.modeling_outputs Seq2SeqMoEOutput
transformers.modeling_outputs Seq2SeqModelOutput
transformers.modeling_outputs Seq2SeqQuestionAnsweringModelOutput
transformers.modeling_outputs Seq2SeqSequenceClassifierOutput
transformers.modeling_outputs Seq2SeqSpectrogramOutput
transformers.modeling_outputs Seq2SeqTSModelOutput
transformers.modeling_outputs Seq2SeqTSPredictionOutput
transformers.modeling_outputs SequenceClassifierOutput
transformers.modeling_outputs SequenceClassifierOutputWithPast
transformers.modeling_outputs TokenClassifierOutput
transformers.modeling_outputs Wav2Vec2BaseModelOutput
transformers.modeling_outputs XVectorOutput
transformers.modeling_rope_utils RopeParameters
transformers.pipelines.any_to_any ReturnType
transformers.pipelines.document_question_answering ModelType
transformers.pipelines.image_classification ClassificationFunction
transformers.pipelines.image_text_to_text ReturnType
transformers.pipelines.keypoint_matching Keypoint
transformers.pipelines.keypoint_matching Match
transformers.pipelines.text_classification ClassificationFunction
transformers.pipelines.text_generation ReturnType
transformers.pipelines.text_to_audio AudioOutput
transformers.pipelines.token_classification AggregationStrategy
transformers.processing_utils AllKwargsForChatTemplate
transformers.processing_utils AudioKwargs
transformers.processing_utils ImagesKwargs
transformers.processing_utils OmniModalProcessingKwargs
transformers.processing_utils ProcessingKwargs
transformers.processing_utils ProcessorChatTemplateKwargs
transformers.processing_utils TextKwargs
transformers.processing_utils TokenizerChatTemplateKwargs
transformers.processing_utils VideosKwargs
transformers.processing_utils _LazyAutoProcessorMapping
transformers.testing_utils Expectations
transformers.tokenization_mistral_common MistralTokenizerType
transformers.tokenization_utils_base BatchEncoding
transformers.tokenization_utils_base TruncationStrategy
transformers.trainer_pt_utils AcceleratorConfig
transformers.trainer_pt_utils BatchRebalanceSampler
transformers.trainer_pt_utils DistributedLengthGroupedSampler
transformers.trainer_pt_utils DistributedSamplerWithLoop
transformers.trainer_pt_utils EvalLoopContainer
transformers.trainer_pt_utils IterableDatasetShard
transformers.trainer_pt_utils LabelSmoother
transformers.trainer_pt_utils LayerWiseDummyOptimizer
transformers.trainer_pt_utils LayerWiseDummyScheduler
transformers.trainer_pt_utils LengthGroupedSampler
transformers.trainer_pt_utils ShardSampler
transformers.trainer_utils BestRun
transformers.trainer_utils EvalLoopOutput
transformers.trainer_utils EvalPrediction
transformers.trainer_utils FSDPOption
transformers.trainer_utils HPSearchBackend
transformers.trainer_utils HubStrategy
transformers.trainer_utils IntervalStrategy
transformers.trainer_utils PredictionOutput
transformers.trainer_utils RemoveColumnsCollator
transformers.trainer_utils SaveStrategy
transformers.trainer_utils SchedulerType
transformers.trainer_utils TrainOutput
transformers.trainer_utils TrainerMemoryTracker
transformers.training_args OptimizerNames
transformers.training_args ParallelMode
transformers.training_args TrainingArguments
transformers.training_args_seq2seq Seq2SeqTrainingArguments
transformers.utils.deprecation Action
transformers.utils.generic ExplicitEnum
transformers.utils.generic ModelOutput
transformers.utils.generic PaddingStrategy
transformers.utils.generic TensorType
transformers.utils.generic TransformersKwargs
transformers.utils.hub DownloadKwargs
transformers.utils.import_utils VersionComparison
transformers.utils.output_capturing _CanRecordRegistry
transformers.utils.quantization_config AwqBackend
transformers.utils.quantization_config AwqFormat
transformers.utils.quantization_config ExllamaVersion
transformers.utils.quantization_config QuantizationMethod
trl.experimental.a2po.a2po_config A2POConfig
trl.experimental.async_distillation.async_distillation_config AsyncDistillationConfig
trl.experimental.async_grpo.async_grpo_config AsyncGRPOConfig
trl.experimental.bco.bco_config BCOConfig
trl.experimental.cpo.cpo_config CPOConfig
trl.experimental.distillation DistillationConfig
trl.experimental.distillation.distillation_config DistillationConfig
trl.experimental.dppo.dppo_config DPPOConfig
trl.experimental.gkd.gkd_config GKDConfig
trl.experimental.gmpo.gmpo_config GMPOConfig
trl.experimental.gold.gold_config GOLDConfig
trl.experimental.grpo_with_replay_buffer.grpo_with_replay_buffer_config GRPOWithReplayBufferConfig
trl.experimental.iw_opd.iw_opd_config IWOPDConfig
trl.experimental.kto KTOConfig
trl.experimental.kto.kto_config KTOConfig
trl.experimental.minillm.minillm_config MiniLLMConfig
trl.experimental.nash_md.nash_md_config NashMDConfig
trl.experimental.online_dpo.online_dpo_config OnlineDPOConfig
trl.experimental.orpo.orpo_config ORPOConfig
trl.experimental.papo.papo_config PAPOConfig
trl.experimental.ppo.ppo_config PPOConfig
trl.experimental.prm.prm_config PRMConfig
trl.experimental.sdft.sdft_config SDFTConfig
trl.experimental.sdpo.sdpo_config SDPOConfig
trl.experimental.self_distillation.self_distillation_config SelfDistillationConfig
trl.experimental.server_distillation.server_distillation_config ServerDistillationConfig
trl.experimental.ssd.ssd_config SSDConfig
trl.experimental.tpo.tpo_config TPOConfig
trl.experimental.xpo.xpo_config XPOConfig
trl.trainer.base_config BaseConfig
trl.trainer.base_config _BaseConfig
trl.trainer.bco_config BCOConfig
trl.trainer.cpo_config CPOConfig
trl.trainer.distillation_config DistillationConfig
trl.trainer.dpo_config DPOConfig
trl.trainer.dpo_config FDivergenceType
trl.trainer.gkd_config GKDConfig
trl.trainer.grpo_config GRPOConfig
trl.trainer.iterative_sft_config IterativeSFTConfig
trl.trainer.kto_config KTOConfig
trl.trainer.nash_md_config NashMDConfig
trl.trainer.online_dpo_config OnlineDPOConfig
trl.trainer.orpo_config ORPOConfig
trl.trainer.ppo_config PPOConfig
trl.trainer.ppov2_config PPOv2Config
trl.trainer.prm_config PRMConfig
trl.trainer.reward_config RewardConfig
trl.trainer.rloo_config RLOOConfig
trl.trainer.sft_config SFTConfig
trl.trainer.training_configs RewardConfig
trl.trainer.xpo_config XPOConfig
ultralytics.nn.modules A2C2f
ultralytics.nn.modules AAttn
ultralytics.nn.modules ABlock
ultralytics.nn.modules AConv
ultralytics.nn.modules ADown
ultralytics.nn.modules AGLU
ultralytics.nn.modules AIFI
ultralytics.nn.modules Attention
ultralytics.nn.modules BNContrastiveHead
ultralytics.nn.modules Bottleneck
ultralytics.nn.modules BottleneckCSP
ultralytics.nn.modules C1
ultralytics.nn.modules C2
ultralytics.nn.modules C2PSA
ultralytics.nn.modules C2f
ultralytics.nn.modules C2fAttn
ultralytics.nn.modules C2fCIB
ultralytics.nn.modules C2fPSA
ultralytics.nn.modules C3
ultralytics.nn.modules C3Ghost
ultralytics.nn.modules C3TR
ultralytics.nn.modules C3f
ultralytics.nn.modules C3k
ultralytics.nn.modules C3k2
ultralytics.nn.modules C3x
ultralytics.nn.modules CBAM
ultralytics.nn.modules CBFuse
ultralytics.nn.modules CBLinear
ultralytics.nn.modules CIB
ultralytics.nn.modules ChannelAttention
ultralytics.nn.modules Classify
ultralytics.nn.modules Concat
ultralytics.nn.modules ContrastiveHead
ultralytics.nn.modules Conv
ultralytics.nn.modules Conv2
ultralytics.nn.modules ConvTranspose
ultralytics.nn.modules DFL
ultralytics.nn.modules DWConv
ultralytics.nn.modules DWConvTranspose2d
ultralytics.nn.modules DeformableTransformerDecoder
ultralytics.nn.modules DeformableTransformerDecoderLayer
ultralytics.nn.modules Depth
ultralytics.nn.modules Detect
ultralytics.nn.modules ELAN1
ultralytics.nn.modules Focus
ultralytics.nn.modules GhostBottleneck
ultralytics.nn.modules GhostConv
ultralytics.nn.modules HGBlock
ultralytics.nn.modules HGStem
ultralytics.nn.modules ImagePoolingAttn
ultralytics.nn.modules Index
ultralytics.nn.modules LRPCHead
ultralytics.nn.modules LayerNorm2d
ultralytics.nn.modules LightConv
ultralytics.nn.modules MLP
ultralytics.nn.modules MLPBlock
ultralytics.nn.modules MSDeformAttn
ultralytics.nn.modules MaxSigmoidAttnBlock
ultralytics.nn.modules OBB
ultralytics.nn.modules OBB26
ultralytics.nn.modules PSA
ultralytics.nn.modules PSABlock
ultralytics.nn.modules Pose
ultralytics.nn.modules Pose26
ultralytics.nn.modules Proto
ultralytics.nn.modules Proto26
ultralytics.nn.modules RTDETRDecoder
ultralytics.nn.modules RealNVP
ultralytics.nn.modules RepBottleneck
ultralytics.nn.modules RepC3
ultralytics.nn.modules RepCSP
ultralytics.nn.modules RepConv
ultralytics.nn.modules RepNCSPELAN4
ultralytics.nn.modules RepVGGDW
ultralytics.nn.modules ResNetBlock
ultralytics.nn.modules ResNetLayer
ultralytics.nn.modules Residual
ultralytics.nn.modules SAVPE
ultralytics.nn.modules SCDown
ultralytics.nn.modules SPP
ultralytics.nn.modules SPPELAN
ultralytics.nn.modules SPPF
ultralytics.nn.modules Segment
ultralytics.nn.modules Segment26
ultralytics.nn.modules SemanticSegment
ultralytics.nn.modules SpatialAttention
ultralytics.nn.modules SwiGLUFFN
ultralytics.nn.modules TorchVision
ultralytics.nn.modules TransformerBlock
ultralytics.nn.modules TransformerEncoderLayer
ultralytics.nn.modules TransformerLayer
ultralytics.nn.modules WorldDetect
ultralytics.nn.modules YOLOEDetect
ultralytics.nn.modules YOLOESegment
ultralytics.nn.modules YOLOESegment26
ultralytics.nn.modules v10Detect
ultralytics.nn.modules.activation AGLU
ultralytics.nn.modules.block A2C2f
ultralytics.nn.modules.block AAttn
ultralytics.nn.modules.block ABlock
ultralytics.nn.modules.block AConv
ultralytics.nn.modules.block ADown
ultralytics.nn.modules.block Attention
ultralytics.nn.modules.block BNContrastiveHead
ultralytics.nn.modules.block Bottleneck
ultralytics.nn.modules.block BottleneckCSP
ultralytics.nn.modules.block C1
ultralytics.nn.modules.block C2
ultralytics.nn.modules.block C2PSA
ultralytics.nn.modules.block C2f
ultralytics.nn.modules.block C2fAttn
ultralytics.nn.modules.block C2fCIB
ultralytics.nn.modules.block C2fPSA
ultralytics.nn.modules.block C3
ultralytics.nn.modules.block C3Ghost
ultralytics.nn.modules.block C3TR
ultralytics.nn.modules.block C3f
ultralytics.nn.modules.block C3k
ultralytics.nn.modules.block C3k2
ultralytics.nn.modules.block C3x
ultralytics.nn.modules.block CBFuse
ultralytics.nn.modules.block CBLinear
ultralytics.nn.modules.block CIB
ultralytics.nn.modules.block ContrastiveHead
ultralytics.nn.modules.block DFL
ultralytics.nn.modules.block ELAN1
ultralytics.nn.modules.block GhostBottleneck
ultralytics.nn.modules.block HGBlock
ultralytics.nn.modules.block HGStem
ultralytics.nn.modules.block ImagePoolingAttn
ultralytics.nn.modules.block MaxSigmoidAttnBlock
ultralytics.nn.modules.block PSA
ultralytics.nn.modules.block PSABlock
ultralytics.nn.modules.block Proto
ultralytics.nn.modules.block Proto26
ultralytics.nn.modules.block RealNVP
ultralytics.nn.modules.block RepBottleneck
ultralytics.nn.modules.block RepC3
ultralytics.nn.modules.block RepCSP
ultralytics.nn.modules.block RepNCSPELAN4
ultralytics.nn.modules.block RepVGGDW
ultralytics.nn.modules.block ResNetBlock
ultralytics.nn.modules.block ResNetLayer
ultralytics.nn.modules.block Residual
ultralytics.nn.modules.block SAVPE
ultralytics.nn.modules.block SCDown
ultralytics.nn.modules.block SPP
ultralytics.nn.modules.block SPPELAN
ultralytics.nn.modules.block SPPF
ultralytics.nn.modules.block SwiGLUFFN
ultralytics.nn.modules.block TorchVision
ultralytics.nn.modules.conv CBAM
ultralytics.nn.modules.conv ChannelAttention
ultralytics.nn.modules.conv Concat
ultralytics.nn.modules.conv Conv
ultralytics.nn.modules.conv Conv2
ultralytics.nn.modules.conv ConvTranspose
ultralytics.nn.modules.conv DWConv
ultralytics.nn.modules.conv DWConvTranspose2d
ultralytics.nn.modules.conv Focus
ultralytics.nn.modules.conv GhostConv
ultralytics.nn.modules.conv Index
ultralytics.nn.modules.conv LightConv
ultralytics.nn.modules.conv RepConv
ultralytics.nn.modules.conv SpatialAttention
ultralytics.nn.modules.head Classify
ultralytics.nn.modules.head Depth
ultralytics.nn.modules.head Detect
ultralytics.nn.modules.head LRPCHead
ultralytics.nn.modules.head OBB
ultralytics.nn.modules.head OBB26
ultralytics.nn.modules.head Pose
ultralytics.nn.modules.head Pose26
ultralytics.nn.modules.head RTDETRDecoder
ultralytics.nn.modules.head Segment
ultralytics.nn.modules.head Segment26
ultralytics.nn.modules.head SemanticSegment
ultralytics.nn.modules.head WorldDetect
ultralytics.nn.modules.head YOLOEDetect
ultralytics.nn.modules.head YOLOESegment
ultralytics.nn.modules.head YOLOESegment26
ultralytics.nn.modules.head v10Detect
ultralytics.nn.modules.transformer AIFI
ultralytics.nn.modules.transformer DeformableTransformerDecoder
ultralytics.nn.modules.transformer DeformableTransformerDecoderLayer
ultralytics.nn.modules.transformer LayerNorm2d
ultralytics.nn.modules.transformer MLP
ultralytics.nn.modules.transformer MLPBlock
ultralytics.nn.modules.transformer MSDeformAttn
ultralytics.nn.modules.transformer TransformerBlock
ultralytics.nn.modules.transformer TransformerEncoderLayer
ultralytics.nn.modules.transformer TransformerLayer
ultralytics.nn.tasks BaseModel
ultralytics.nn.tasks ClassificationModel
ultralytics.nn.tasks DepthModel
ultralytics.nn.tasks DetectionModel
ultralytics.nn.tasks Ensemble
ultralytics.nn.tasks OBBModel
ultralytics.nn.tasks PoseModel
ultralytics.nn.tasks RTDETRDetectionModel
ultralytics.nn.tasks SegmentationModel
ultralytics.nn.tasks SemanticSegmentationModel
ultralytics.nn.tasks WorldModel
ultralytics.nn.tasks YOLOEModel
ultralytics.nn.tasks YOLOESegModel
xgboost._data_utils ArrayInf
xgboost._data_utils CudaArrayInf
xgboost._data_utils CudaStringArray
xgboost._data_utils StringArray
xgboost.collective Op
xgboost.core DataSplitMode
"""

# Entries whose constructor or state restoration reaches a sink (scripts/allowlist_sinks.py):
# refused with the reason. `module name<TAB>when<TAB>how`: when is `always` (any rebuild reaches
# it) or `call` (only calling the class, REDUCE/INST/OBJ, runs the constructor that does).
GENERATED_REFUSED = """\
accelerate debug_launcher	always	debug_launcher calls tempfile.NamedTemporaryFile
accelerate disk_offload	always	disk_offload -> offload_state_dict calls os.makedirs
accelerate dispatch_model	always	dispatch_model -> offload_state_dict calls os.makedirs
accelerate load_checkpoint_and_dispatch	always	load_checkpoint_and_dispatch -> load_checkpoint_in_model -> save_offload_index calls io.open
accelerate load_checkpoint_in_model	always	load_checkpoint_in_model -> save_offload_index calls io.open
accelerate notebook_launcher	always	notebook_launcher -> check_cuda_p2p_ib_support -> get_gpu_info calls subprocess.check_output
accelerate.accelerator gather_object	always	gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.accelerator load_accelerator_state	always	load_accelerator_state -> load calls torch.serialization.load
accelerate.accelerator load_custom_state	always	load_custom_state -> load calls torch.serialization.load
accelerate.accelerator load_fsdp_model	always	load_fsdp_model calls torch.serialization.load
accelerate.accelerator load_fsdp_optimizer	always	load_fsdp_optimizer calls torch.serialization.load
accelerate.accelerator save_fsdp_model	always	save_fsdp_model calls os.makedirs
accelerate.accelerator save_fsdp_optimizer	always	save_fsdp_optimizer calls os.makedirs
accelerate.big_modeling check_cuda_p2p_ib_support	always	check_cuda_p2p_ib_support -> get_gpu_info calls subprocess.check_output
accelerate.big_modeling disk_offload	always	disk_offload -> offload_state_dict calls os.makedirs
accelerate.big_modeling dispatch_model	always	dispatch_model -> offload_state_dict calls os.makedirs
accelerate.big_modeling load_checkpoint_and_dispatch	always	load_checkpoint_and_dispatch -> load_checkpoint_in_model -> save_offload_index calls io.open
accelerate.big_modeling load_checkpoint_in_model	always	load_checkpoint_in_model -> save_offload_index calls io.open
accelerate.big_modeling offload_state_dict	always	offload_state_dict calls os.makedirs
accelerate.checkpointing load	always	load calls torch.serialization.load
accelerate.checkpointing load_accelerator_state	always	load_accelerator_state -> load calls torch.serialization.load
accelerate.checkpointing load_custom_state	always	load_custom_state -> load calls torch.serialization.load
accelerate.commands.config load_config_from_file	always	load_config_from_file calls io.open
accelerate.commands.config.config config_command	always	config_command calls os.makedirs
accelerate.commands.config.config load_config_from_file	always	load_config_from_file calls io.open
accelerate.commands.config.config main	always	main -> config_command calls os.makedirs
accelerate.commands.config.config_args load_config_from_file	always	load_config_from_file calls io.open
accelerate.commands.config.update load_config_from_file	always	load_config_from_file calls io.open
accelerate.commands.config.update update_config	always	update_config -> load_config_from_file calls io.open
accelerate.commands.config.update update_config_command	always	update_config_command -> update_config -> load_config_from_file calls io.open
accelerate.commands.env env_command	always	env_command calls shutil.which
accelerate.commands.env load_config_from_file	always	load_config_from_file calls io.open
accelerate.commands.env main	always	main -> env_command calls shutil.which
accelerate.commands.launch _run_subprocess	always	_run_subprocess calls subprocess.CalledProcessError
accelerate.commands.launch _validate_launch_command	always	_validate_launch_command -> load_config_from_file calls io.open
accelerate.commands.launch check_cuda_p2p_ib_support	always	check_cuda_p2p_ib_support -> get_gpu_info calls subprocess.check_output
accelerate.commands.launch deepspeed_launcher	always	deepspeed_launcher -> prepare_deepspeed_cmd_env calls os._Environ.copy
accelerate.commands.launch launch_command	always	launch_command -> _validate_launch_command -> load_config_from_file calls io.open
accelerate.commands.launch load_config_from_file	always	load_config_from_file calls io.open
accelerate.commands.launch main	always	main -> launch_command -> deepspeed_launcher calls io.open
accelerate.commands.launch multi_gpu_launcher	always	multi_gpu_launcher -> prepare_multi_gpu_env calls os._Environ.copy
accelerate.commands.launch prepare_deepspeed_cmd_env	always	prepare_deepspeed_cmd_env calls os._Environ.copy
accelerate.commands.launch prepare_multi_gpu_env	always	prepare_multi_gpu_env calls os._Environ.copy
accelerate.commands.launch prepare_sagemager_args_inputs	always	prepare_sagemager_args_inputs calls io.open
accelerate.commands.launch prepare_simple_launcher_cmd_env	always	prepare_simple_launcher_cmd_env calls os._Environ.copy
accelerate.commands.launch sagemaker_launcher	always	sagemaker_launcher -> prepare_sagemager_args_inputs calls io.open
accelerate.commands.launch simple_launcher	always	simple_launcher -> prepare_simple_launcher_cmd_env calls os._Environ.copy
accelerate.commands.merge main	always	main -> merge_command -> merge_fsdp_weights calls shutil.rmtree
accelerate.commands.merge merge_command	always	merge_command -> merge_fsdp_weights calls shutil.rmtree
accelerate.commands.merge merge_fsdp_weights	always	merge_fsdp_weights calls shutil.rmtree
accelerate.commands.to_fsdp2 load_config	always	load_config calls io.open
accelerate.commands.to_fsdp2 to_fsdp2_command	always	to_fsdp2_command -> load_config calls io.open
accelerate.commands.tpu load_config_from_file	always	load_config_from_file calls io.open
accelerate.commands.tpu main	always	main -> tpu_command_launcher calls subprocess.run
accelerate.commands.tpu tpu_command_launcher	always	tpu_command_launcher calls subprocess.run
accelerate.data_loader broadcast_object_list	always	broadcast_object_list -> _neuron_broadcast_object_list calls _pickle.loads
accelerate.launchers check_cuda_p2p_ib_support	always	check_cuda_p2p_ib_support -> get_gpu_info calls subprocess.check_output
accelerate.launchers debug_launcher	always	debug_launcher calls tempfile.NamedTemporaryFile
accelerate.launchers get_gpu_info	always	get_gpu_info calls subprocess.check_output
accelerate.launchers notebook_launcher	always	notebook_launcher -> check_cuda_p2p_ib_support -> get_gpu_info calls subprocess.check_output
accelerate.state AcceleratorState	call	AcceleratorState.__init__ -> check_cuda_fp8_capability calls subprocess.check_output
accelerate.state PartialState	call	PartialState.__init__ -> set_numa_affinity -> override_numa_affinity calls posix.sched_setaffinity
accelerate.state check_cuda_p2p_ib_support	always	check_cuda_p2p_ib_support -> get_gpu_info calls subprocess.check_output
accelerate.test_utils require_fp8	always	require_fp8 -> check_cuda_fp8_capability calls subprocess.check_output
accelerate.test_utils.examples compare_against_test	always	compare_against_test calls io.open
accelerate.test_utils.scripts.external_deps.test_peak_memory_usage main	always	main -> training_function calls io.open
accelerate.test_utils.scripts.external_deps.test_peak_memory_usage training_function	always	training_function calls io.open
accelerate.test_utils.scripts.test_distributed_data_loop _test_stateful_dataloader_save_state_resume	always	_test_stateful_dataloader_save_state_resume calls tempfile.TemporaryDirectory
accelerate.test_utils.scripts.test_distributed_data_loop main	always	main -> test_pickle_accelerator calls _pickle.dumps
accelerate.test_utils.scripts.test_distributed_data_loop test_pickle_accelerator	always	test_pickle_accelerator calls _pickle.dumps
accelerate.test_utils.scripts.test_distributed_data_loop test_stateful_dataloader_save_state	always	test_stateful_dataloader_save_state -> _test_stateful_dataloader_save_state_resume calls tempfile.TemporaryDirectory
accelerate.test_utils.scripts.test_merge_weights check_pytorch_weights	always	check_pytorch_weights calls torch.serialization.load
accelerate.test_utils.scripts.test_merge_weights merge_command	always	merge_command -> merge_fsdp_weights calls shutil.rmtree
accelerate.test_utils.scripts.test_merge_weights merge_fsdp_weights	always	merge_fsdp_weights calls shutil.rmtree
accelerate.test_utils.scripts.test_merge_weights save_fsdp_model	always	save_fsdp_model calls os.makedirs
accelerate.test_utils.scripts.test_merge_weights test_merge_weights_command_pytorch	always	test_merge_weights_command_pytorch -> merge_command -> merge_fsdp_weights calls shutil.rmtree
accelerate.test_utils.scripts.test_merge_weights test_merge_weights_command_safetensors	always	test_merge_weights_command_safetensors -> merge_command -> merge_fsdp_weights calls shutil.rmtree
accelerate.test_utils.scripts.test_merge_weights test_merge_weights_pytorch	always	test_merge_weights_pytorch -> merge_fsdp_weights calls shutil.rmtree
accelerate.test_utils.scripts.test_merge_weights test_merge_weights_safetensors	always	test_merge_weights_safetensors -> merge_fsdp_weights calls shutil.rmtree
accelerate.test_utils.scripts.test_notebook test_c10d_rdzv_backend	always	test_c10d_rdzv_backend -> notebook_launcher -> get_gpu_info calls subprocess.check_output
accelerate.test_utils.scripts.test_notebook test_can_initialize	always	test_can_initialize -> notebook_launcher -> get_gpu_info calls subprocess.check_output
accelerate.test_utils.scripts.test_notebook test_clean_cuda_fork	always	test_clean_cuda_fork -> notebook_launcher -> get_gpu_info calls subprocess.check_output
accelerate.test_utils.scripts.test_notebook test_fault_tolerant	always	test_fault_tolerant -> notebook_launcher -> get_gpu_info calls subprocess.check_output
accelerate.test_utils.scripts.test_notebook test_monitoring	always	test_monitoring -> notebook_launcher -> get_gpu_info calls subprocess.check_output
accelerate.test_utils.scripts.test_notebook test_problematic_imports	always	test_problematic_imports -> notebook_launcher -> get_gpu_info calls subprocess.check_output
accelerate.test_utils.scripts.test_notebook test_static_rdzv_backend	always	test_static_rdzv_backend -> notebook_launcher -> get_gpu_info calls subprocess.check_output
accelerate.test_utils.scripts.test_ops gather_object	always	gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.test_utils.scripts.test_ops test_gather_object	always	test_gather_object -> gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.test_utils.scripts.test_script gather_object	always	gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.test_utils.scripts.test_script main	always	main -> process_execution_check calls io.open
accelerate.test_utils.scripts.test_script process_execution_check	always	process_execution_check calls io.open
accelerate.test_utils.scripts.test_script test_split_between_processes_dataset	always	test_split_between_processes_dataset -> gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.test_utils.scripts.test_script test_split_between_processes_list	always	test_split_between_processes_list -> gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.test_utils.scripts.test_script test_split_between_processes_tensor	always	test_split_between_processes_tensor -> gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.test_utils.scripts.test_script test_split_between_processes_tuple	always	test_split_between_processes_tuple -> gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.test_utils.testing require_fp8	always	require_fp8 -> check_cuda_fp8_capability calls subprocess.check_output
accelerate.utils broadcast_object_list	always	broadcast_object_list -> _neuron_broadcast_object_list calls _pickle.loads
accelerate.utils check_cuda_p2p_ib_support	always	check_cuda_p2p_ib_support -> get_gpu_info calls subprocess.check_output
accelerate.utils clear_environment	always	clear_environment calls os._Environ.copy
accelerate.utils gather_object	always	gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.utils get_gpu_info	always	get_gpu_info calls subprocess.check_output
accelerate.utils install_xla	always	install_xla calls subprocess.run
accelerate.utils is_port_in_use	always	is_port_in_use calls socket.socket
accelerate.utils load	always	load calls torch.serialization.load
accelerate.utils load_and_quantize_model	always	load_and_quantize_model -> load_checkpoint_in_model -> save_offload_index calls io.open
accelerate.utils load_checkpoint_in_model	always	load_checkpoint_in_model -> save_offload_index calls io.open
accelerate.utils load_fsdp_model	always	load_fsdp_model calls torch.serialization.load
accelerate.utils load_fsdp_optimizer	always	load_fsdp_optimizer calls torch.serialization.load
accelerate.utils load_offloaded_weight	always	load_offloaded_weight calls numpy.memmap
accelerate.utils load_offloaded_weights	always	load_offloaded_weights -> load_offloaded_weight calls numpy.memmap
accelerate.utils load_state_dict	always	load_state_dict calls torch.serialization.load
accelerate.utils merge_fsdp_weights	always	merge_fsdp_weights calls shutil.rmtree
accelerate.utils offload_state_dict	always	offload_state_dict calls os.makedirs
accelerate.utils offload_weight	always	offload_weight calls numpy.memmap
accelerate.utils prepare_deepspeed_cmd_env	always	prepare_deepspeed_cmd_env calls os._Environ.copy
accelerate.utils prepare_multi_gpu_env	always	prepare_multi_gpu_env calls os._Environ.copy
accelerate.utils prepare_sagemager_args_inputs	always	prepare_sagemager_args_inputs calls io.open
accelerate.utils prepare_simple_launcher_cmd_env	always	prepare_simple_launcher_cmd_env calls os._Environ.copy
accelerate.utils save_fsdp_model	always	save_fsdp_model calls os.makedirs
accelerate.utils save_fsdp_optimizer	always	save_fsdp_optimizer calls os.makedirs
accelerate.utils save_offload_index	always	save_offload_index calls io.open
accelerate.utils.bnb dispatch_model	always	dispatch_model -> offload_state_dict calls os.makedirs
accelerate.utils.bnb load_and_quantize_model	always	load_and_quantize_model -> load_checkpoint_in_model -> save_offload_index calls io.open
accelerate.utils.bnb load_checkpoint_in_model	always	load_checkpoint_in_model -> save_offload_index calls io.open
accelerate.utils.bnb offload_weight	always	offload_weight calls numpy.memmap
accelerate.utils.bnb quantize_and_offload_8bit	always	quantize_and_offload_8bit -> offload_weight calls numpy.memmap
accelerate.utils.environment _nvidia_smi	always	_nvidia_smi calls shutil.which
accelerate.utils.environment check_cuda_p2p_ib_support	always	check_cuda_p2p_ib_support -> get_gpu_info calls subprocess.check_output
accelerate.utils.environment clear_environment	always	clear_environment calls os._Environ.copy
accelerate.utils.environment get_driver_version	always	get_driver_version calls subprocess.check_output
accelerate.utils.environment get_gpu_info	always	get_gpu_info calls subprocess.check_output
accelerate.utils.environment override_numa_affinity	always	override_numa_affinity calls posix.sched_setaffinity
accelerate.utils.fsdp_utils load_fsdp_model	always	load_fsdp_model calls torch.serialization.load
accelerate.utils.fsdp_utils load_fsdp_optimizer	always	load_fsdp_optimizer calls torch.serialization.load
accelerate.utils.fsdp_utils merge_fsdp_weights	always	merge_fsdp_weights calls shutil.rmtree
accelerate.utils.fsdp_utils save_fsdp_model	always	save_fsdp_model calls os.makedirs
accelerate.utils.fsdp_utils save_fsdp_optimizer	always	save_fsdp_optimizer calls os.makedirs
accelerate.utils.launch _get_mpirun_args	always	_get_mpirun_args calls subprocess.check_output
accelerate.utils.launch get_free_port	always	get_free_port calls socket.socket
accelerate.utils.launch is_port_in_use	always	is_port_in_use calls socket.socket
accelerate.utils.launch prepare_deepspeed_cmd_env	always	prepare_deepspeed_cmd_env calls os._Environ.copy
accelerate.utils.launch prepare_multi_gpu_env	always	prepare_multi_gpu_env calls os._Environ.copy
accelerate.utils.launch prepare_sagemager_args_inputs	always	prepare_sagemager_args_inputs calls io.open
accelerate.utils.launch prepare_simple_launcher_cmd_env	always	prepare_simple_launcher_cmd_env calls os._Environ.copy
accelerate.utils.modeling load_checkpoint_in_model	always	load_checkpoint_in_model -> save_offload_index calls io.open
accelerate.utils.modeling load_offloaded_weight	always	load_offloaded_weight calls numpy.memmap
accelerate.utils.modeling load_offloaded_weights	always	load_offloaded_weights -> load_offloaded_weight calls numpy.memmap
accelerate.utils.modeling load_state_dict	always	load_state_dict calls torch.serialization.load
accelerate.utils.modeling offload_weight	always	offload_weight calls numpy.memmap
accelerate.utils.modeling save_offload_index	always	save_offload_index calls io.open
accelerate.utils.offload load_offloaded_weight	always	load_offloaded_weight calls numpy.memmap
accelerate.utils.offload offload_state_dict	always	offload_state_dict calls os.makedirs
accelerate.utils.offload offload_weight	always	offload_weight calls numpy.memmap
accelerate.utils.offload save_offload_index	always	save_offload_index calls io.open
accelerate.utils.operations _neuron_broadcast_object_list	always	_neuron_broadcast_object_list calls _pickle.loads
accelerate.utils.operations _neuron_gather_object	always	_neuron_gather_object calls _pickle.dump
accelerate.utils.operations broadcast_object_list	always	broadcast_object_list -> _neuron_broadcast_object_list calls _pickle.loads
accelerate.utils.operations gather_object	always	gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.utils.operations verify_operation	always	verify_operation -> gather_object -> _neuron_gather_object calls _pickle.dump
accelerate.utils.other get_free_port	always	get_free_port calls socket.socket
accelerate.utils.other is_port_in_use	always	is_port_in_use calls socket.socket
accelerate.utils.other load	always	load calls torch.serialization.load
accelerate.utils.torch_xla install_xla	always	install_xla calls subprocess.run
catboost cv	always	cv -> create_dir_if_not_exist calls posix.mkdir
catboost sample_gaussian_process	always	sample_gaussian_process calls tempfile.NamedTemporaryFile
catboost.core _clear_training_files	always	_clear_training_files calls posix.remove
catboost.core _get_catboost_widget	always	_get_catboost_widget -> _clear_training_files calls posix.remove
catboost.core create_dir_if_not_exist	always	create_dir_if_not_exist calls posix.mkdir
catboost.core cv	always	cv -> create_dir_if_not_exist calls posix.mkdir
catboost.core plot_wrapper	always	plot_wrapper -> _get_catboost_widget -> _clear_training_files calls posix.remove
catboost.core sample_gaussian_process	always	sample_gaussian_process calls tempfile.NamedTemporaryFile
catboost.core save_plot_file	always	save_plot_file calls io.open
catboost.datasets _cached_download	always	_cached_download -> _calc_md5 calls io.open
catboost.datasets _calc_md5	always	_calc_md5 calls io.open
catboost.datasets _download_dataset	always	_download_dataset calls tempfile.mkdtemp
catboost.datasets _ensure_dir_exists	always	_ensure_dir_exists calls os.makedirs
catboost.datasets _extract	always	_extract calls posix.chdir
catboost.datasets _load_dataset_pd	always	_load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.datasets _load_numeric_only_dataset	always	_load_numeric_only_dataset calls io.open
catboost.datasets adult	always	adult calls tempfile.mkstemp
catboost.datasets amazon	always	amazon -> _load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.datasets epsilon	always	epsilon -> _download_dataset calls tempfile.mkdtemp
catboost.datasets higgs	always	higgs -> _download_dataset calls tempfile.mkdtemp
catboost.datasets imdb	always	imdb -> _load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.datasets monotonic1	always	monotonic1 -> _load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.datasets monotonic2	always	monotonic2 -> _load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.datasets msrank	always	msrank -> _load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.datasets msrank_10k	always	msrank_10k -> _load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.datasets rotten_tomatoes	always	rotten_tomatoes -> _load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.datasets titanic	always	titanic -> _load_dataset_pd -> _download_dataset calls tempfile.mkdtemp
catboost.eval make_dirs_if_not_exists	always	make_dirs_if_not_exists calls os.makedirs
catboost.eval._fold_models_handler make_dirs_if_not_exists	always	make_dirs_if_not_exists calls os.makedirs
catboost.eval._fold_storage make_dirs_if_not_exists	always	make_dirs_if_not_exists calls os.makedirs
catboost.eval.utils make_dirs_if_not_exists	always	make_dirs_if_not_exists calls os.makedirs
catboost.hnsw.hnsw get_hnsw_bin_module	always	get_hnsw_bin_module -> get_so_paths calls posix.listdir
catboost.hnsw.hnsw get_so_paths	always	get_so_paths calls posix.listdir
catboost.plot_helpers save_plot_file	always	save_plot_file calls io.open
catboost.utils create_cd	always	create_cd calls io.open
catboost.utils read_cd	always	read_cd calls io.open
cmdstanpy _cleanup_tmpdir	always	_cleanup_tmpdir calls shutil.rmtree
cmdstanpy cmdstan_path	always	cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy cmdstan_version	always	cmdstan_version calls io.open
cmdstanpy compile_stan_file	always	compile_stan_file calls posix.remove
cmdstanpy format_stan_file	always	format_stan_file calls subprocess.run
cmdstanpy from_csv	always	from_csv -> parse_comments_header_and_draws calls io.open
cmdstanpy rebuild_cmdstan	always	rebuild_cmdstan -> pushd calls posix.chdir
cmdstanpy show_versions	always	show_versions -> cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.cmdstan_args cmdstan_path	always	cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.cmdstan_args cmdstan_version_before	always	cmdstan_version_before -> cmdstan_version calls io.open
cmdstanpy.compilation cmdstan_path	always	cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.compilation cmdstan_version	always	cmdstan_version calls io.open
cmdstanpy.compilation cmdstan_version_before	always	cmdstan_version_before -> cmdstan_version calls io.open
cmdstanpy.compilation compile_stan_file	always	compile_stan_file calls posix.remove
cmdstanpy.compilation do_command	always	do_command -> pushd calls posix.chdir
cmdstanpy.compilation format_stan_file	always	format_stan_file calls subprocess.run
cmdstanpy.compilation src_info	always	src_info calls subprocess.run
cmdstanpy.compilation stanc_path	always	stanc_path -> cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.install_cmdstan __main__	always	__main__ -> run_install -> validate_dir calls os.makedirs
cmdstanpy.install_cmdstan build	always	build -> do_command -> pushd calls posix.chdir
cmdstanpy.install_cmdstan clean_all	always	clean_all -> do_command -> pushd calls posix.chdir
cmdstanpy.install_cmdstan cmdstan_path	always	cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.install_cmdstan compile_example	always	compile_example -> do_command -> pushd calls posix.chdir
cmdstanpy.install_cmdstan do_command	always	do_command -> pushd calls posix.chdir
cmdstanpy.install_cmdstan get_download_url	always	get_download_url -> determine_linux_arch calls subprocess.run
cmdstanpy.install_cmdstan install_version	always	install_version -> pushd calls posix.chdir
cmdstanpy.install_cmdstan is_version_available	always	is_version_available -> get_download_url -> determine_linux_arch calls subprocess.run
cmdstanpy.install_cmdstan latest_version	always	latest_version calls urllib.request.Request
cmdstanpy.install_cmdstan pushd	always	pushd calls posix.chdir
cmdstanpy.install_cmdstan rebuild_cmdstan	always	rebuild_cmdstan -> pushd calls posix.chdir
cmdstanpy.install_cmdstan retrieve_version	always	retrieve_version -> get_download_url -> determine_linux_arch calls subprocess.run
cmdstanpy.install_cmdstan run_install	always	run_install -> validate_dir calls os.makedirs
cmdstanpy.install_cmdstan validate_dir	always	validate_dir calls os.makedirs
cmdstanpy.install_cxx_toolchain __main__	always	__main__ -> run_rtools_install -> validate_dir calls os.makedirs
cmdstanpy.install_cxx_toolchain install_mingw32_make	always	install_mingw32_make -> pushd calls posix.chdir
cmdstanpy.install_cxx_toolchain install_version	always	install_version -> pushd calls posix.chdir
cmdstanpy.install_cxx_toolchain pushd	always	pushd calls posix.chdir
cmdstanpy.install_cxx_toolchain retrieve_toolchain	always	retrieve_toolchain calls urllib.request.urlretrieve
cmdstanpy.install_cxx_toolchain run_rtools_install	always	run_rtools_install -> validate_dir calls os.makedirs
cmdstanpy.install_cxx_toolchain validate_dir	always	validate_dir calls os.makedirs
cmdstanpy.model cmdstan_path	always	cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.model cmdstan_version_before	always	cmdstan_version_before -> cmdstan_version calls io.open
cmdstanpy.model do_command	always	do_command -> pushd calls posix.chdir
cmdstanpy.model from_csv	always	from_csv -> parse_comments_header_and_draws calls io.open
cmdstanpy.model temp_inits	always	temp_inits -> _temp_multiinput -> create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.model temp_metrics	always	temp_metrics -> _temp_multiinput -> create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.model temp_single_json	always	_temp_single_json -> create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.model try_deduce_metric_type	always	try_deduce_metric_type -> read_metric calls io.open
cmdstanpy.stanfit check_sampler_csv	always	check_sampler_csv -> parse_sampler_metadata_from_csv -> parse_comments_header_and_draws calls io.open
cmdstanpy.stanfit from_csv	always	from_csv -> parse_comments_header_and_draws calls io.open
cmdstanpy.stanfit.mcmc check_sampler_csv	always	check_sampler_csv -> parse_sampler_metadata_from_csv -> parse_comments_header_and_draws calls io.open
cmdstanpy.stanfit.mcmc cmdstan_path	always	cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.stanfit.mcmc cmdstan_version_before	always	cmdstan_version_before -> cmdstan_version calls io.open
cmdstanpy.stanfit.mcmc create_named_text_file	always	create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.stanfit.mcmc do_command	always	do_command -> pushd calls posix.chdir
cmdstanpy.utils check_sampler_csv	always	check_sampler_csv -> parse_sampler_metadata_from_csv -> parse_comments_header_and_draws calls io.open
cmdstanpy.utils cmdstan_path	always	cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.utils cmdstan_version	always	cmdstan_version calls io.open
cmdstanpy.utils cmdstan_version_before	always	cmdstan_version_before -> cmdstan_version calls io.open
cmdstanpy.utils create_named_text_file	always	create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.utils do_command	always	do_command -> pushd calls posix.chdir
cmdstanpy.utils get_latest_cmdstan	always	get_latest_cmdstan calls posix.listdir
cmdstanpy.utils pushd	always	pushd calls posix.chdir
cmdstanpy.utils read_metric	always	read_metric calls io.open
cmdstanpy.utils rload	always	rload calls io.open
cmdstanpy.utils show_versions	always	show_versions -> cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.utils validate_dir	always	validate_dir calls os.makedirs
cmdstanpy.utils.cmdstan cmdstan_path	always	cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.utils.cmdstan cmdstan_version	always	cmdstan_version calls io.open
cmdstanpy.utils.cmdstan cmdstan_version_before	always	cmdstan_version_before -> cmdstan_version calls io.open
cmdstanpy.utils.cmdstan determine_linux_arch	always	determine_linux_arch calls subprocess.run
cmdstanpy.utils.cmdstan get_download_url	always	get_download_url -> determine_linux_arch calls subprocess.run
cmdstanpy.utils.cmdstan get_latest_cmdstan	always	get_latest_cmdstan calls posix.listdir
cmdstanpy.utils.cmdstan stanc_path	always	stanc_path -> cmdstan_path -> get_latest_cmdstan calls posix.listdir
cmdstanpy.utils.cmdstan validate_dir	always	validate_dir calls os.makedirs
cmdstanpy.utils.command do_command	always	do_command -> pushd calls posix.chdir
cmdstanpy.utils.command pushd	always	pushd calls posix.chdir
cmdstanpy.utils.filesystem _temp_multiinput	always	_temp_multiinput -> create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.utils.filesystem _temp_single_json	always	_temp_single_json -> create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.utils.filesystem create_named_text_file	always	create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.utils.filesystem pushd	always	pushd calls posix.chdir
cmdstanpy.utils.filesystem temp_inits	always	temp_inits -> _temp_multiinput -> create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.utils.filesystem temp_metrics	always	temp_metrics -> _temp_multiinput -> create_named_text_file calls tempfile.NamedTemporaryFile
cmdstanpy.utils.stancsv check_sampler_csv	always	check_sampler_csv -> parse_sampler_metadata_from_csv -> parse_comments_header_and_draws calls io.open
cmdstanpy.utils.stancsv count_warmup_and_sampling_draws	always	count_warmup_and_sampling_draws calls io.open
cmdstanpy.utils.stancsv csv_bytes_list_to_numpy	always	csv_bytes_list_to_numpy calls numpy.loadtxt
cmdstanpy.utils.stancsv extract_max_treedepth_and_divergence_counts	always	extract_max_treedepth_and_divergence_counts -> csv_bytes_list_to_numpy calls numpy.loadtxt
cmdstanpy.utils.stancsv parse_comments_header_and_draws	always	parse_comments_header_and_draws calls io.open
cmdstanpy.utils.stancsv parse_hmc_adaptation_lines	always	parse_hmc_adaptation_lines -> csv_bytes_list_to_numpy calls numpy.loadtxt
cmdstanpy.utils.stancsv parse_sampler_metadata_from_csv	always	parse_sampler_metadata_from_csv -> parse_comments_header_and_draws calls io.open
cmdstanpy.utils.stancsv read_metric	always	read_metric calls io.open
cmdstanpy.utils.stancsv read_rdump_metric	always	read_rdump_metric -> rload calls io.open
cmdstanpy.utils.stancsv rload	always	rload calls io.open
cmdstanpy.utils.stancsv try_deduce_metric_type	always	try_deduce_metric_type -> read_metric calls io.open
dateutil.zoneinfo.rebuild _run_zic	always	_run_zic calls subprocess.check_call
dateutil.zoneinfo.rebuild rebuild	always	rebuild calls tempfile.mkdtemp
formulaic.materializers.base stateful_eval	always	stateful_eval calls builtins.compile
formulaic.parser.types.factor get_required_variables	always	get_required_variables -> get_expression_variables -> _get_ast_node_variables calls builtins.eval
formulaic.parser.types.token get_required_variables	always	get_required_variables -> get_expression_variables -> _get_ast_node_variables calls builtins.eval
formulaic.utils.stateful_transforms _is_stateful_transform	always	_is_stateful_transform calls builtins.eval
formulaic.utils.stateful_transforms get_expression_variables	always	get_expression_variables -> _get_ast_node_variables calls builtins.eval
formulaic.utils.stateful_transforms stateful_eval	always	stateful_eval calls builtins.compile
formulaic.utils.variables _get_ast_node_variables	always	_get_ast_node_variables calls builtins.eval
formulaic.utils.variables get_expression_variables	always	get_expression_variables -> _get_ast_node_variables calls builtins.eval
formulaic.utils.variables get_required_variables	always	get_required_variables -> get_expression_variables -> _get_ast_node_variables calls builtins.eval
imblearn.datasets fetch_datasets	always	fetch_datasets calls numpy.load
imblearn.datasets._zenodo fetch_datasets	always	fetch_datasets calls numpy.load
lightgbm cv	always	cv -> _InnerPredictor.from_model_file -> _load_pandas_categorical calls io.open
lightgbm train	always	train -> _InnerPredictor.from_model_file -> _load_pandas_categorical calls io.open
lightgbm.basic Booster	call	Booster.__init__ -> _load_pandas_categorical calls io.open
lightgbm.basic _dump_pandas_categorical	always	_dump_pandas_categorical calls io.open
lightgbm.basic _load_pandas_categorical	always	_load_pandas_categorical calls io.open
lightgbm.dask _machines_to_worker_map	always	_machines_to_worker_map calls urllib.parse.urlparse
lightgbm.dask _train	always	_train -> _machines_to_worker_map calls urllib.parse.urlparse
lightgbm.engine cv	always	cv -> _InnerPredictor.from_model_file -> _load_pandas_categorical calls io.open
lightgbm.engine train	always	train -> _InnerPredictor.from_model_file -> _load_pandas_categorical calls io.open
lightgbm.sklearn train	always	train -> _InnerPredictor.from_model_file -> _load_pandas_categorical calls io.open
lightning.fabric.cli _load_distributed_checkpoint	always	_load_distributed_checkpoint calls torch.serialization.load
lightning.fabric.cli _torchrun_launch	always	_torchrun_launch calls os._Environ.setdefault
lightning.fabric.cli main	always	main -> _torchrun_launch calls os._Environ.setdefault
lightning.fabric.plugins.environments.lightning find_free_network_port	always	find_free_network_port calls socket.socket
lightning.fabric.plugins.environments.mpi find_free_network_port	always	find_free_network_port calls socket.socket
lightning.fabric.plugins.io.torch_io pl_load	always	_load calls torch.serialization.load
lightning.fabric.strategies.launchers.multiprocessing _check_missing_main_guard	always	_check_missing_main_guard calls multiprocessing.process.current_process
lightning.fabric.strategies.model_parallel _load_checkpoint	always	_load_checkpoint calls torch.serialization.load
lightning.fabric.strategies.model_parallel _load_raw_module_state_from_path	always	_load_raw_module_state_from_path calls torch.serialization.load
lightning.fabric.strategies.model_parallel _save_checkpoint	always	_save_checkpoint calls shutil.rmtree
lightning.fabric.utilities.cloud_io _load	always	_load calls torch.serialization.load
lightning.fabric.utilities.consolidate_checkpoint _load_distributed_checkpoint	always	_load_distributed_checkpoint calls torch.serialization.load
lightning.fabric.utilities.load _load_distributed_checkpoint	always	_load_distributed_checkpoint calls torch.serialization.load
lightning.pytorch.accelerators.cuda get_nvidia_gpu_stats	always	get_nvidia_gpu_stats calls shutil.which
lightning.pytorch.core.datamodule _load_from_checkpoint	always	_load_from_checkpoint -> _load calls torch.serialization.load
lightning.pytorch.core.module _load_from_checkpoint	always	_load_from_checkpoint -> _load calls torch.serialization.load
lightning.pytorch.core.saving _load_from_checkpoint	always	_load_from_checkpoint -> _load calls torch.serialization.load
lightning.pytorch.core.saving pl_load	always	_load calls torch.serialization.load
lightning.pytorch.demos.transformer tokenize	always	tokenize calls io.open
lightning.pytorch.loops.evaluation_loop _process_dataloader	always	_process_dataloader -> _worker_check calls multiprocessing.context.DefaultContext.get_start_method
lightning.pytorch.loops.fit_loop _process_dataloader	always	_process_dataloader -> _worker_check calls multiprocessing.context.DefaultContext.get_start_method
lightning.pytorch.loops.prediction_loop _process_dataloader	always	_process_dataloader -> _worker_check calls multiprocessing.context.DefaultContext.get_start_method
lightning.pytorch.profilers AdvancedProfiler	always	AdvancedProfiler.__del__ -> AdvancedProfiler.teardown calls self.profiled_actions.clear, a method of an object from the instance's state
lightning.pytorch.profilers PassThroughProfiler	always	PassThroughProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers PyTorchProfiler	always	PyTorchProfiler.__del__ -> PyTorchProfiler.teardown -> PyTorchProfiler._delete_profilers calls self.profiler.__exit__, a method of an object from the instance's state
lightning.pytorch.profilers SimpleProfiler	always	SimpleProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers XLAProfiler	always	XLAProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.advanced AdvancedProfiler	always	AdvancedProfiler.__del__ -> AdvancedProfiler.teardown calls self.profiled_actions.clear, a method of an object from the instance's state
lightning.pytorch.profilers.advanced Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.base PassThroughProfiler	always	PassThroughProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.base Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.profiler Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.pytorch Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.pytorch PyTorchProfiler	always	PyTorchProfiler.__del__ -> PyTorchProfiler.teardown -> PyTorchProfiler._delete_profilers calls self.profiler.__exit__, a method of an object from the instance's state
lightning.pytorch.profilers.simple Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.simple SimpleProfiler	always	SimpleProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.xla Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.profilers.xla XLAProfiler	always	XLAProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.strategies.launchers.multiprocessing _check_missing_main_guard	always	_check_missing_main_guard calls multiprocessing.process.current_process
lightning.pytorch.strategies.model_parallel _load_checkpoint	always	_load_checkpoint calls torch.serialization.load
lightning.pytorch.trainer.connectors.checkpoint_connector find_model_local_ckpt_path	always	find_model_local_ckpt_path calls posix.listdir
lightning.pytorch.trainer.connectors.data_connector _process_dataloader	always	_process_dataloader -> _worker_check calls multiprocessing.context.DefaultContext.get_start_method
lightning.pytorch.trainer.connectors.data_connector _worker_check	always	_worker_check calls multiprocessing.context.DefaultContext.get_start_method
lightning.pytorch.trainer.setup AdvancedProfiler	always	AdvancedProfiler.__del__ -> AdvancedProfiler.teardown calls self.profiled_actions.clear, a method of an object from the instance's state
lightning.pytorch.trainer.setup PassThroughProfiler	always	PassThroughProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.trainer.setup Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.trainer.setup PyTorchProfiler	always	PyTorchProfiler.__del__ -> PyTorchProfiler.teardown -> PyTorchProfiler._delete_profilers calls self.profiler.__exit__, a method of an object from the instance's state
lightning.pytorch.trainer.setup SimpleProfiler	always	SimpleProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.trainer.setup XLAProfiler	always	XLAProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.trainer.trainer Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
lightning.pytorch.utilities is_picklable	always	is_picklable calls _pickle.dumps
lightning.pytorch.utilities.consolidate_checkpoint _load_distributed_checkpoint	always	_load_distributed_checkpoint calls torch.serialization.load
lightning.pytorch.utilities.deepspeed convert_zero_checkpoint_to_fp32_state_dict	always	convert_zero_checkpoint_to_fp32_state_dict -> ds_checkpoint_dir calls io.open
lightning.pytorch.utilities.deepspeed ds_checkpoint_dir	always	ds_checkpoint_dir calls io.open
lightning.pytorch.utilities.model_registry find_model_local_ckpt_path	always	find_model_local_ckpt_path calls posix.listdir
lightning.pytorch.utilities.model_summary LayerSummary	always	LayerSummary.__del__ -> LayerSummary.detach_hook calls self._hook_handle.remove, a method of an object from the instance's state
lightning.pytorch.utilities.model_summary.model_summary LayerSummary	always	LayerSummary.__del__ -> LayerSummary.detach_hook calls self._hook_handle.remove, a method of an object from the instance's state
lightning.pytorch.utilities.model_summary.model_summary_deepspeed DeepSpeedLayerSummary	always	DeepSpeedLayerSummary.__del__ -> LayerSummary.detach_hook calls self._hook_handle.remove, a method of an object from the instance's state
lightning.pytorch.utilities.model_summary.model_summary_deepspeed LayerSummary	always	LayerSummary.__del__ -> LayerSummary.detach_hook calls self._hook_handle.remove, a method of an object from the instance's state
lightning.pytorch.utilities.parsing clean_namespace	always	clean_namespace -> is_picklable calls _pickle.dumps
lightning.pytorch.utilities.parsing is_picklable	always	is_picklable calls _pickle.dumps
lightning.pytorch.utilities.upgrade_checkpoint _upgrade	always	_upgrade calls shutil.copyfile
lightning.pytorch.utilities.upgrade_checkpoint main	always	main -> _upgrade calls shutil.copyfile
lightning_fabric.__setup__ _setup_args	always	_setup_args calls setuptools.discovery._Finder.find
lightning_fabric.cli _load_distributed_checkpoint	always	_load_distributed_checkpoint calls torch.serialization.load
lightning_fabric.cli _torchrun_launch	always	_torchrun_launch calls os._Environ.setdefault
lightning_fabric.cli main	always	main -> _torchrun_launch calls os._Environ.setdefault
lightning_fabric.plugins.environments.lightning find_free_network_port	always	find_free_network_port calls socket.socket
lightning_fabric.plugins.environments.mpi find_free_network_port	always	find_free_network_port calls socket.socket
lightning_fabric.plugins.io.torch_io pl_load	always	_load calls torch.serialization.load
lightning_fabric.strategies.launchers.multiprocessing _check_missing_main_guard	always	_check_missing_main_guard calls multiprocessing.process.current_process
lightning_fabric.strategies.model_parallel _load_checkpoint	always	_load_checkpoint calls torch.serialization.load
lightning_fabric.strategies.model_parallel _load_raw_module_state_from_path	always	_load_raw_module_state_from_path calls torch.serialization.load
lightning_fabric.strategies.model_parallel _save_checkpoint	always	_save_checkpoint calls shutil.rmtree
lightning_fabric.utilities.cloud_io _load	always	_load calls torch.serialization.load
lightning_fabric.utilities.consolidate_checkpoint _load_distributed_checkpoint	always	_load_distributed_checkpoint calls torch.serialization.load
lightning_fabric.utilities.load _load_distributed_checkpoint	always	_load_distributed_checkpoint calls torch.serialization.load
networkx.drawing.nx_agraph view_pygraphviz	always	view_pygraphviz calls tempfile.NamedTemporaryFile
nltk HunposTagger	always	HunposTagger.__del__ -> HunposTagger.close calls self._hunpos.communicate, a method of an object from the instance's state
nltk binary_search_file	always	binary_search_file calls posix.stat
nltk call_megam	always	call_megam -> spawn_trusted calls subprocess.Popen
nltk config_weka	always	config_weka -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk custom_distance	always	custom_distance -> open -> validate_path calls urllib.parse.urlparse
nltk decorator	always	decorator calls builtins.eval
nltk filestring	always	filestring -> open -> validate_path calls urllib.parse.urlparse
nltk find	always	find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk load_parser	always	load_parser -> load -> _open calls urllib.request.url2pathname
nltk memoize	always	decorator.<locals>._decorator calls builtins.eval
nltk open_package_resource	always	open_package_resource -> _reject_aliased_or_special calls posix.stat
nltk rte_classifier	always	rte_classifier -> MaxentClassifier.train -> train_maxent_classifier_with_megam calls tempfile.mkstemp
nltk set_proxy	always	set_proxy calls urllib.request.ProxyHandler
nltk.app wordnet	always	app -> wnb calls http.server.HTTPServer
nltk.app.chartparser_app pickle_dump	always	pickle_dump calls _pickle.dump
nltk.app.wordnet_app app	always	app -> wnb calls http.server.HTTPServer
nltk.app.wordnet_app pickle_dumps	always	pickle_dumps calls _pickle.dumps
nltk.app.wordnet_app startBrowser	always	startBrowser calls webbrowser.open
nltk.app.wordnet_app wnb	always	wnb calls http.server.HTTPServer
nltk.chunk.named_entity find	always	find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.chunk.named_entity load_ace_data	always	load_ace_data calls os.walk
nltk.chunk.named_entity load_ace_file	always	load_ace_file -> open -> validate_path calls urllib.parse.urlparse
nltk.chunk.named_entity make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.chunk.named_entity pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.chunk.named_entity safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.chunk.named_entity save_maxent_params	always	save_maxent_params -> ensure_private_dir -> validate_path calls urllib.parse.urlparse
nltk.chunk.named_entity validate_tool_dir	always	validate_tool_dir -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.classify call_megam	always	call_megam -> spawn_trusted calls subprocess.Popen
nltk.classify config_weka	always	config_weka -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.classify rte_classifier	always	rte_classifier -> MaxentClassifier.train -> train_maxent_classifier_with_megam calls tempfile.mkstemp
nltk.classify.maxent call_megam	always	call_megam -> spawn_trusted calls subprocess.Popen
nltk.classify.maxent call_tadm	always	call_tadm -> spawn_trusted calls subprocess.Popen
nltk.classify.maxent gzip_open_unicode	always	gzip_open_unicode calls _io.TextIOWrapper
nltk.classify.maxent make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.classify.maxent pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.classify.maxent save_maxent_params	always	save_maxent_params -> ensure_private_dir -> validate_path calls urllib.parse.urlparse
nltk.classify.maxent train_maxent_classifier_with_megam	always	train_maxent_classifier_with_megam -> make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.classify.maxent validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.classify.megam call_megam	always	call_megam -> spawn_trusted calls subprocess.Popen
nltk.classify.megam spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.classify.rte_classify rte_classifier	always	rte_classifier -> MaxentClassifier.train -> train_maxent_classifier_with_megam calls tempfile.mkstemp
nltk.classify.senna spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.classify.senna untrusted_executable_reason	always	untrusted_executable_reason -> _refusal -> _resolve_trusted calls posix.lstat
nltk.classify.senna validate_tool_data_dir	always	validate_tool_data_dir -> _reject_tamperable_dir calls os.walk
nltk.classify.tadm call_tadm	always	call_tadm -> spawn_trusted calls subprocess.Popen
nltk.classify.tadm spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.classify.weka config_weka	always	config_weka -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.classify.weka make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.classify.weka pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.classify.weka validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.classify.weka validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.europarl_raw find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.api SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.api find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.api validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.bcp47 safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.bnc safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.bracket_parse SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.bracket_parse find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.bracket_parse validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.categorized_sents SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.categorized_sents find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.categorized_sents load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.categorized_sents validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.chasen SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.chasen find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.chasen validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.childes safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.chunked SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.chunked find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.chunked load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.chunked validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.cmudict SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.cmudict find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.cmudict validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.comparative_sents SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.comparative_sents find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.comparative_sents load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.comparative_sents validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.conll SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.conll find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.conll validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.crubadan pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.dependency SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.dependency find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.dependency load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.dependency validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.indian SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.indian find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.indian validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.knbc demo	always	demo -> find_corpus_fileids calls os.walk
nltk.corpus.reader.knbc find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.lin pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.mte validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.nombank SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.nombank find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.nombank safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.nombank validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.nps_chat SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.nps_chat find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.nps_chat pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.nps_chat safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.nps_chat validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.opinion_lexicon SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.opinion_lexicon find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.opinion_lexicon validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.panlex_swadesh SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.panlex_swadesh find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.panlex_swadesh validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.pl196x SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.pl196x find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.pl196x pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.pl196x validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.plaintext SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.plaintext find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.plaintext load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.plaintext validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.ppattach SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.ppattach find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.ppattach validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.propbank SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.propbank find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.propbank safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.propbank validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.pros_cons SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.pros_cons find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.pros_cons load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.pros_cons validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.reviews SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.reviews find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.reviews load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.reviews validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.rte SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.rte find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.rte pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.rte safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.rte validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.semcor SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.semcor find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.semcor safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.semcor validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.senseval SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.senseval find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.senseval load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.senseval validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.sinica_treebank SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.sinica_treebank find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.sinica_treebank validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.string_category SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.string_category find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.string_category validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.switchboard SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.switchboard find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.switchboard validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.tagged SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.tagged find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.tagged load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.corpus.reader.tagged validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.timit SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.timit find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.timit validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.toolbox SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.toolbox find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.toolbox validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.udhr find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.util SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.util _secure_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.util find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.util validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.wordlist SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.wordlist find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.wordlist validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.wordnet _binary_search_file	always	binary_search_file calls posix.stat
nltk.corpus.reader.xmldocs SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.xmldocs find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.xmldocs pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.xmldocs safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.xmldocs validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.corpus.reader.ycoe SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.corpus.reader.ycoe find_corpus_fileids	always	find_corpus_fileids calls os.walk
nltk.corpus.reader.ycoe validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.data SeekableUnicodeStreamReader	always	SeekableUnicodeStreamReader.__del__ -> SeekableUnicodeStreamReader.close calls self.stream.close, a method of an object from the instance's state
nltk.data _assert_no_encoded_bypass	always	_assert_no_encoded_bypass calls urllib.parse.unquote
nltk.data _assert_no_normalized_bypass	always	_assert_no_normalized_bypass -> _normalized_path_escapes calls urllib.request.url2pathname
nltk.data _first_entry_not_ours	always	_first_entry_not_ours calls os.walk
nltk.data _normalized_path_escapes	always	_normalized_path_escapes calls urllib.request.url2pathname
nltk.data _open	always	_open calls urllib.request.url2pathname
nltk.data _open_gzip_name	always	_open_gzip_name -> open -> validate_path calls urllib.parse.urlparse
nltk.data _refuse_file_not_ours	always	_refuse_file_not_ours calls posix.fstat
nltk.data _reject_unsafe_no_protocol	always	_reject_unsafe_no_protocol -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.data _remove_staging_dir	always	_remove_staging_dir -> remove_tree -> validate_path calls urllib.parse.urlparse
nltk.data _secure_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.data _secure_urlopen	always	urlopen -> validate_network_url calls urllib.parse.urlparse
nltk.data _staging_dir_is_still_safe	always	_staging_dir_is_still_safe calls posix.lstat
nltk.data _validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.data find	always	find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.data gzip_open_unicode	always	gzip_open_unicode calls _io.TextIOWrapper
nltk.data load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.data make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.data normalize_resource_url	always	normalize_resource_url -> _reject_unsafe_no_protocol -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.data retrieve	always	retrieve -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.data show_cfg	always	show_cfg -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.data staging_tempdir	always	staging_tempdir -> make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.decorators __call__	always	__call__ -> new_wrapper calls builtins.eval
nltk.decorators decorator	always	decorator calls builtins.eval
nltk.decorators decorator.<locals>._decorator	always	decorator.<locals>._decorator calls builtins.eval
nltk.decorators new_wrapper	always	new_wrapper calls builtins.eval
nltk.downloader _archived_files_in_place	always	_archived_files_in_place calls posix.lstat
nltk.downloader _authorize_data_dir	always	_authorize_data_dir -> is_private_dir -> _private_dir_problem calls posix.stat
nltk.downloader _find_collections	always	_find_collections calls os.walk
nltk.downloader _find_packages	always	_find_packages calls os.walk
nltk.downloader _make_install_dirs	always	_make_install_dirs calls posix.mkdir
nltk.downloader _not_ours	always	_not_ours -> _private_stat calls posix.geteuid
nltk.downloader _shared_install	always	_shared_install calls posix.geteuid
nltk.downloader _unzip_iter	always	_unzip_iter calls posix.fstat
nltk.downloader build_index	always	build_index -> _find_packages calls os.walk
nltk.downloader md5_hexdigest	always	md5_hexdigest -> open -> validate_path calls urllib.parse.urlparse
nltk.downloader pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.downloader safe_parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.downloader sha256_hexdigest	always	sha256_hexdigest -> open -> validate_path calls urllib.parse.urlparse
nltk.downloader unzip	always	unzip -> _unzip_iter calls posix.fstat
nltk.downloader urlopen	always	urlopen -> validate_network_url calls urllib.parse.urlparse
nltk.downloader validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.help _format_tagset	always	_format_tagset -> find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.help brown_tagset	always	brown_tagset -> _format_tagset -> find calls posix.stat
nltk.help claws5_tagset	always	claws5_tagset -> _format_tagset -> find calls posix.stat
nltk.help find	always	find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.help upenn_tagset	always	upenn_tagset -> _format_tagset -> find calls posix.stat
nltk.inference.discourse load_parser	always	load_parser -> load -> _open calls urllib.request.url2pathname
nltk.inference.discourse show_cfg	always	show_cfg -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.inference.prover9 spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.internals _path_dirs_iter	always	_path_dirs_iter calls posix.access
nltk.internals find_binary_iter	always	find_binary_iter -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.internals find_dir	always	find_dir -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.internals find_file	always	find_file -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.internals find_file_iter	always	find_file_iter -> _path_dirs_iter calls posix.access
nltk.internals find_jar	always	find_jar -> find_jar_iter calls posix.listdir
nltk.internals find_jar_iter	always	find_jar_iter calls posix.listdir
nltk.internals find_jars_within_path	always	find_jars_within_path calls os.walk
nltk.internals is_writable	always	is_writable calls posix.stat
nltk.internals validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.metrics custom_distance	always	custom_distance -> open -> validate_path calls urllib.parse.urlparse
nltk.metrics.agreement pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.metrics.distance _secure_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.metrics.distance custom_distance	always	custom_distance -> open -> validate_path calls urllib.parse.urlparse
nltk.parse load_parser	always	load_parser -> load -> _open calls urllib.request.url2pathname
nltk.parse.bllip validate_tool_dir	always	validate_tool_dir -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.bllip validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.corenlp find_jar_iter	always	find_jar_iter calls posix.listdir
nltk.parse.corenlp try_port	always	try_port calls socket.socket
nltk.parse.dependencygraph _secure_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.dependencygraph demo	always	demo -> malt_demo -> make_staging_dir calls os.makedirs
nltk.parse.dependencygraph dot2img	always	dot2img -> spawn_trusted calls subprocess.Popen
nltk.parse.dependencygraph make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.parse.dependencygraph malt_demo	always	malt_demo -> make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.parse.dependencygraph spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.parse.featurechart make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.parse.featurechart run_profile	always	run_profile -> make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.parse.malt find_dir	always	find_dir -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.parse.malt find_file	always	find_file -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.parse.malt find_jars_within_path	always	find_jars_within_path calls os.walk
nltk.parse.malt find_maltparser	always	find_maltparser -> find_jars_within_path calls os.walk
nltk.parse.malt make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.parse.malt pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.malt validate_model_resource	always	validate_model_resource -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.malt validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.malt validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.stanford find_jar_iter	always	find_jar_iter calls posix.listdir
nltk.parse.stanford find_jars_within_path	always	find_jars_within_path calls os.walk
nltk.parse.stanford staging_tempdir	always	staging_tempdir -> make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.parse.stanford validate_model_resource	always	validate_model_resource -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.transitionparser _load_transitionparser_model	always	_load_transitionparser_model -> allowlisted_pickle_load -> harden_object_graph calls _pickle.UnpicklingError
nltk.parse.transitionparser allowlisted_pickle_load	always	allowlisted_pickle_load -> harden_object_graph calls _pickle.UnpicklingError
nltk.parse.transitionparser make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.parse.transitionparser pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.parse.transitionparser pickle_dump	always	pickle_dump calls _pickle.dump
nltk.parse.util load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.parse.util load_parser	always	load_parser -> load -> _open calls urllib.request.url2pathname
nltk.pathsec _checked_path_text	always	_checked_path_text -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec _dotdot_base_problem	always	_dotdot_base_problem -> is_private_dir -> _private_dir_problem calls posix.stat
nltk.pathsec _env_proxy_carries	always	_env_proxy_carries calls urllib.request.getproxies_environment
nltk.pathsec _exact_path_text	always	_exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec _fd_realpath	always	_fd_realpath calls posix.readlink
nltk.pathsec _get_allowed_roots	always	_get_allowed_roots -> is_private_dir -> _private_dir_problem calls posix.stat
nltk.pathsec _hardened_open	always	_hardened_open calls posix.open
nltk.pathsec _link_owner_problem	always	_link_owner_problem calls posix.geteuid
nltk.pathsec _open_verified	always	_open_verified calls posix.open
nltk.pathsec _pinned_connection	always	_pinned_connection -> _resolve_and_validate_host calls socket.getaddrinfo
nltk.pathsec _private_dir_problem	always	_private_dir_problem -> _why_not_private calls posix.geteuid
nltk.pathsec _private_stat	always	_private_stat calls posix.geteuid
nltk.pathsec _refusal	always	_refusal -> _resolve_trusted -> _resolve_private calls posix.lstat
nltk.pathsec _reject_aliased_or_special	always	_reject_aliased_or_special calls posix.stat
nltk.pathsec _reject_link_or_special_by_name	always	_reject_link_or_special_by_name calls posix.lstat
nltk.pathsec _reject_tamperable	always	_reject_tamperable -> _private_stat calls posix.geteuid
nltk.pathsec _reject_tamperable_dir	always	_reject_tamperable_dir calls os.walk
nltk.pathsec _reject_unsafe_open	always	_reject_unsafe_open -> _reject_tamperable -> _private_stat calls posix.geteuid
nltk.pathsec _resolve_and_validate_host	always	_resolve_and_validate_host calls socket.getaddrinfo
nltk.pathsec _resolve_private	always	_resolve_private -> _dotdot_base_problem -> _private_dir_problem calls posix.stat
nltk.pathsec _resolve_trusted	always	_resolve_trusted -> _resolve_private -> _dotdot_base_problem calls posix.access
nltk.pathsec _resolve_trusted_nonposix	always	_resolve_trusted_nonposix calls posix.stat
nltk.pathsec _shared_ancestor_problem	always	_shared_ancestor_problem -> _private_dir_problem -> _why_not_private calls posix.geteuid
nltk.pathsec _why_not_private	always	_why_not_private calls posix.geteuid
nltk.pathsec connect_sqlite_read_only	always	connect_sqlite_read_only -> _checked_path_text -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec connect_sqlite_writable	always	connect_sqlite_writable -> _checked_path_text -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec ensure_private_dir	always	ensure_private_dir -> _checked_path_text -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec is_private_dir	always	is_private_dir -> _private_dir_problem -> _why_not_private calls posix.geteuid
nltk.pathsec is_trusted_executable	always	is_trusted_executable -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.pathsec make_private_dir	always	make_private_dir -> validate_private_dir -> validate_path calls urllib.parse.urlparse
nltk.pathsec open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec open_package_resource	always	open_package_resource -> _reject_aliased_or_special calls posix.stat
nltk.pathsec pin_files	always	pin_files -> open -> validate_path calls urllib.parse.urlparse
nltk.pathsec remove_tree	always	remove_tree -> _checked_path_text -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec replace	always	replace -> _checked_path_text -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec resolve_trusted_executable	always	resolve_trusted_executable -> _resolve_trusted -> _resolve_private calls posix.lstat
nltk.pathsec spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.pathsec unlink	always	unlink -> _checked_path_text -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec untrusted_executable_reason	always	untrusted_executable_reason -> _refusal -> _resolve_trusted calls posix.lstat
nltk.pathsec urlopen	always	urlopen -> validate_network_url calls urllib.parse.urlparse
nltk.pathsec validate_model_resource	always	validate_model_resource -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec validate_network_url	always	validate_network_url calls urllib.parse.urlparse
nltk.pathsec validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec validate_private_dir	always	validate_private_dir -> _checked_path_text -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec validate_tool_data_dir	always	validate_tool_data_dir -> _reject_tamperable_dir calls os.walk
nltk.pathsec validate_tool_dir	always	validate_tool_dir -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.pathsec verify_pinned	always	verify_pinned calls posix.lstat
nltk.picklesec _guarded_scalar	always	_guarded_scalar calls _pickle.UnpicklingError
nltk.picklesec _guarded_stream	always	_guarded_stream -> _reject_extension_opcodes calls _pickle.UnpicklingError
nltk.picklesec _reject_extension_opcodes	always	_reject_extension_opcodes calls _pickle.UnpicklingError
nltk.picklesec _validate_allowed_module	always	_validate_allowed_module calls _pickle.UnpicklingError
nltk.picklesec _validate_allowlist_entry	always	_validate_allowlist_entry calls _pickle.UnpicklingError
nltk.picklesec _validate_caller_allowlists	always	_validate_caller_allowlists -> _validate_allowlist_entry calls _pickle.UnpicklingError
nltk.picklesec allowlisted_pickle_load	always	allowlisted_pickle_load -> harden_object_graph calls _pickle.UnpicklingError
nltk.picklesec harden_object_graph	always	harden_object_graph calls _pickle.UnpicklingError
nltk.picklesec pickle_dump	always	pickle_dump calls _pickle.dump
nltk.picklesec pickle_dumps	always	pickle_dumps calls _pickle.dumps
nltk.sem.boxer spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.sem.boxer validate_tool_data_dir	always	validate_tool_data_dir -> _reject_tamperable_dir calls os.walk
nltk.sem.chat80 _check_store_dir	always	_check_store_dir -> validate_private_dir -> validate_path calls urllib.parse.urlparse
nltk.sem.chat80 _install_store	always	_install_store calls posix.listdir
nltk.sem.chat80 _open_sqlite_store	always	_open_sqlite_store -> connect_sqlite_read_only -> validate_path calls urllib.parse.urlparse
nltk.sem.chat80 _pin_store_files	always	_pin_store_files -> pin_files -> open calls io.open
nltk.sem.chat80 _restricted_shelve_open	always	_restricted_shelve_open -> _open_sqlite_store calls shelve.Shelf
nltk.sem.chat80 _str2records	always	_str2records -> load -> _open calls urllib.request.url2pathname
nltk.sem.chat80 _verify_store_files	always	_verify_store_files -> verify_pinned calls posix.lstat
nltk.sem.chat80 cities2table	always	cities2table -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.sem.chat80 label_indivs	always	label_indivs -> open -> validate_path calls urllib.parse.urlparse
nltk.sem.chat80 main	always	main -> val_dump -> validate_path calls urllib.parse.urlparse
nltk.sem.chat80 make_valuation	always	make_valuation -> label_indivs -> open calls io.open
nltk.sem.chat80 pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.sem.chat80 sql_demo	always	sql_demo -> sql_query -> find calls posix.stat
nltk.sem.chat80 sql_query	always	sql_query -> find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.sem.chat80 val_dump	always	val_dump -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.sem.chat80 val_load	always	val_load -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.sem.chat80 validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.sem.cooper_storage load_parser	always	load_parser -> load -> _open calls urllib.request.url2pathname
nltk.sem.evaluate decorator	always	decorator calls builtins.eval
nltk.sem.hole load_parser	always	load_parser -> load -> _open calls urllib.request.url2pathname
nltk.sem.util _secure_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.sem.util demo	always	demo -> read_sents -> open calls io.open
nltk.sem.util read_sents	always	read_sents -> open -> validate_path calls urllib.parse.urlparse
nltk.sentiment.sentiment_analyzer pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.sentiment.sentiment_analyzer pickle_dump	always	pickle_dump calls _pickle.dump
nltk.sentiment.util demo_movie_reviews	always	demo_movie_reviews -> output_markdown -> open calls io.open
nltk.sentiment.util demo_sent_subjectivity	always	demo_sent_subjectivity -> load -> _open calls urllib.request.url2pathname
nltk.sentiment.util demo_subjectivity	always	demo_subjectivity -> output_markdown -> open calls io.open
nltk.sentiment.util demo_tweets	always	demo_tweets -> json2csv_preprocess -> open calls io.open
nltk.sentiment.util demo_vader_tweets	always	demo_vader_tweets -> json2csv_preprocess -> open calls io.open
nltk.sentiment.util json2csv_preprocess	always	json2csv_preprocess -> open -> validate_path calls urllib.parse.urlparse
nltk.sentiment.util load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.sentiment.util output_markdown	always	output_markdown -> open -> validate_path calls urllib.parse.urlparse
nltk.sentiment.util parse_tweets_set	always	parse_tweets_set -> open -> validate_path calls urllib.parse.urlparse
nltk.sentiment.util pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.stem.rslp load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.tag HunposTagger	always	HunposTagger.__del__ -> HunposTagger.close calls self._hunpos.communicate, a method of an object from the instance's state
nltk.tag find	always	find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.tag load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.tag.crf validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tag.hunpos HunposTagger	always	HunposTagger.__del__ -> HunposTagger.close calls self._hunpos.communicate, a method of an object from the instance's state
nltk.tag.hunpos find_file	always	find_file -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.tag.hunpos spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.tag.hunpos validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tag.mapping _load_universal_map	always	_load_universal_map -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.tag.mapping load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.tag.mapping normalize_resource_url	always	normalize_resource_url -> _reject_unsafe_no_protocol -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.tag.perceptron _create_model_file	always	_create_model_file calls posix.lstat
nltk.tag.perceptron _fd_realpath	always	_fd_realpath calls posix.readlink
nltk.tag.perceptron _open_private_model_dir	always	_open_private_model_dir calls os.makedirs
nltk.tag.perceptron find	always	find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.tag.perceptron make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.tag.perceptron pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tag.perceptron validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tag.perceptron validate_tool_dir	always	validate_tool_dir -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tag.perceptron validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tag.stanford find_file	always	find_file -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.tag.stanford find_jar	always	find_jar -> find_jar_iter calls posix.listdir
nltk.tag.stanford pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tag.stanford staging_tempdir	always	staging_tempdir -> make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.tag.stanford validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tbl.demo _demo_plot	always	_demo_plot -> validate_tool_path -> validate_path calls urllib.parse.urlparse
nltk.tbl.demo _load_tbl_model	always	_load_tbl_model -> allowlisted_pickle_load -> harden_object_graph calls _pickle.UnpicklingError
nltk.tbl.demo _tbl_visit	always	_tbl_visit calls _pickle.UnpicklingError
nltk.tbl.demo allowlisted_pickle_load	always	allowlisted_pickle_load -> harden_object_graph calls _pickle.UnpicklingError
nltk.tbl.demo demo	always	demo -> postag -> open calls io.open
nltk.tbl.demo demo_error_analysis	always	demo_error_analysis -> postag -> open calls io.open
nltk.tbl.demo demo_generated_templates	always	demo_generated_templates -> postag -> open calls io.open
nltk.tbl.demo demo_high_accuracy_rules	always	demo_high_accuracy_rules -> postag -> open calls io.open
nltk.tbl.demo demo_learning_curve	always	demo_learning_curve -> postag -> open calls io.open
nltk.tbl.demo demo_multifeature_template	always	demo_multifeature_template -> postag -> open calls io.open
nltk.tbl.demo demo_multiposition_feature	always	demo_multiposition_feature -> postag -> open calls io.open
nltk.tbl.demo demo_repr_rule_format	always	demo_repr_rule_format -> postag -> open calls io.open
nltk.tbl.demo demo_serialize_tagger	always	demo_serialize_tagger -> postag -> open calls io.open
nltk.tbl.demo demo_str_rule_format	always	demo_str_rule_format -> postag -> open calls io.open
nltk.tbl.demo demo_template_statistics	always	demo_template_statistics -> postag -> open calls io.open
nltk.tbl.demo demo_verbose_rule_format	always	demo_verbose_rule_format -> postag -> open calls io.open
nltk.tbl.demo pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tbl.demo pickle_dump	always	pickle_dump calls _pickle.dump
nltk.tbl.demo postag	always	postag -> open -> validate_path calls urllib.parse.urlparse
nltk.tbl.demo validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tokenize load	always	load -> normalize_resource_url -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.tokenize.punkt allowlisted_pickle_load	always	allowlisted_pickle_load -> harden_object_graph calls _pickle.UnpicklingError
nltk.tokenize.punkt pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tokenize.punkt punkt_pickle_load	always	punkt_pickle_load -> allowlisted_pickle_load -> harden_object_graph calls _pickle.UnpicklingError
nltk.tokenize.punkt save_punkt_params	always	save_punkt_params -> ensure_private_dir -> validate_path calls urllib.parse.urlparse
nltk.tokenize.punkt validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tokenize.repp find_dir	always	find_dir -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.tokenize.repp make_staging_dir	always	make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.tokenize.repp spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.tokenize.repp validate_tool_data_dir	always	validate_tool_data_dir -> _reject_tamperable_dir calls os.walk
nltk.tokenize.stanford find_jar	always	find_jar -> find_jar_iter calls posix.listdir
nltk.tokenize.stanford staging_tempdir	always	staging_tempdir -> make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.tokenize.stanford_segmenter _validated_options	always	_validated_options -> validate_tool_path -> validate_path calls urllib.parse.urlparse
nltk.tokenize.stanford_segmenter find_dir	always	find_dir -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.tokenize.stanford_segmenter find_file	always	find_file -> find_file_iter -> _path_dirs_iter calls posix.access
nltk.tokenize.stanford_segmenter find_jar	always	find_jar -> find_jar_iter calls posix.listdir
nltk.tokenize.stanford_segmenter pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tokenize.stanford_segmenter staging_tempdir	always	staging_tempdir -> make_staging_dir -> make_private_dir calls tempfile.mkdtemp
nltk.tokenize.stanford_segmenter validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tokenize.stanford_segmenter validate_tool_dir	always	validate_tool_dir -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.tokenize.stanford_segmenter validate_tool_path	always	validate_tool_path -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.toolbox _refuse_file_not_ours	always	_refuse_file_not_ours calls posix.fstat
nltk.toolbox demo	always	demo -> find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.toolbox find	always	find -> _assert_no_encoded_bypass calls urllib.parse.unquote
nltk.toolbox pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.translate.api spawn_trusted	always	spawn_trusted -> resolve_trusted_executable -> _resolve_trusted calls posix.lstat
nltk.twitter json2csv	always	json2csv -> _outf_writer calls io.open
nltk.twitter.common _outf_writer	always	_outf_writer calls io.open
nltk.twitter.common json2csv	always	json2csv -> _outf_writer calls io.open
nltk.twitter.common json2csv_entities	always	json2csv_entities -> _outf_writer calls io.open
nltk.util _secure_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.util binary_search_file	always	binary_search_file calls posix.stat
nltk.util filestring	always	filestring -> open -> validate_path calls urllib.parse.urlparse
nltk.util set_proxy	always	set_proxy calls urllib.request.ProxyHandler
nltk.xmlsec parse	always	parse -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.xmlsec pathsec_open	always	open -> validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
nltk.xmlsec validate_path	always	validate_path -> _exact_path_text calls os._fscodec.<locals>.fsdecode
numpy genfromtxt	always	genfromtxt calls numpy.genfromtxt
numpy load	always	load calls io.open
numpy loadtxt	always	loadtxt calls numpy.loadtxt
numpy memmap	always	memmap.__new__ calls io.open
numpy._core memmap	always	memmap.__new__ calls io.open
numpy._core._add_newdocs_scalars _get_platform_and_machine	always	_get_platform_and_machine calls posix.uname
numpy._core._methods _dump	always	_dump calls io.open
numpy._core._methods _dumps	always	_dumps calls _pickle.dumps
numpy._core.memmap memmap	always	memmap.__new__ calls io.open
numpy._core.records array	always	array calls numpy.rec.fromfile
numpy._core.records fromfile	always	fromfile calls io.open
numpy.ctypeslib load_library	always	load_library calls os._fscodec.<locals>.fsdecode
numpy.ctypeslib._ctypeslib load_library	always	load_library calls os._fscodec.<locals>.fsdecode
numpy.lib._format_impl open_memmap	always	open_memmap calls numpy.memmap
numpy.lib._format_impl read_array	always	read_array calls _pickle.load
numpy.lib._format_impl write_array	always	write_array calls _pickle.dump
numpy.lib._npyio_impl _savez	always	_savez -> write_array calls _pickle.dump
numpy.lib._npyio_impl genfromtxt	always	genfromtxt calls numpy.genfromtxt
numpy.lib._npyio_impl load	always	load calls io.open
numpy.lib._npyio_impl loadtxt	always	loadtxt calls numpy.loadtxt
numpy.lib._npyio_impl recfromcsv	always	recfromcsv calls numpy.genfromtxt
numpy.lib._npyio_impl recfromtxt	always	recfromtxt calls numpy.genfromtxt
numpy.lib.format open_memmap	always	open_memmap calls numpy.memmap
numpy.lib.format read_array	always	read_array calls _pickle.load
numpy.lib.format write_array	always	write_array calls _pickle.dump
numpy.ma.mrecords fromtextfile	always	fromtextfile -> openfile calls io.open
numpy.ma.mrecords openfile	always	openfile calls io.open
numpy.matlib genfromtxt	always	genfromtxt calls numpy.genfromtxt
numpy.matlib load	always	load calls io.open
numpy.matlib loadtxt	always	loadtxt calls numpy.loadtxt
numpy.matlib memmap	always	memmap.__new__ calls io.open
numpy.rec array	always	array calls numpy.rec.fromfile
numpy.rec fromfile	always	fromfile calls io.open
optuna.artifacts download_artifact	always	download_artifact calls io.open
optuna.artifacts upload_artifact	always	upload_artifact calls io.open
optuna.artifacts._download download_artifact	always	download_artifact calls io.open
optuna.artifacts._upload upload_artifact	always	upload_artifact calls io.open
optuna.cli RDBStorage	always	RDBStorage.__setstate__ calls sqlalchemy_orm.scoped_session, which this check cannot resolve
optuna.storages GrpcStorageProxy	always	GrpcStorageProxy.__setstate__ -> GrpcStorageProxy._setup -> create_insecure_channel calls grpc.insecure_channel, which this check cannot resolve
optuna.storages RDBStorage	always	RDBStorage.__setstate__ calls sqlalchemy_orm.scoped_session, which this check cannot resolve
optuna.storages._cached_storage RDBStorage	always	RDBStorage.__setstate__ calls sqlalchemy_orm.scoped_session, which this check cannot resolve
optuna.storages._grpc GrpcStorageProxy	always	GrpcStorageProxy.__setstate__ -> GrpcStorageProxy._setup -> create_insecure_channel calls grpc.insecure_channel, which this check cannot resolve
optuna.storages._grpc.client GrpcStorageProxy	always	GrpcStorageProxy.__setstate__ -> GrpcStorageProxy._setup -> create_insecure_channel calls grpc.insecure_channel, which this check cannot resolve
optuna.storages._rdb.storage RDBStorage	always	RDBStorage.__setstate__ calls sqlalchemy_orm.scoped_session, which this check cannot resolve
pandas ExcelFile	always	ExcelFile.__del__ -> ExcelFile.close calls self._reader.close, a method of an object from the instance's state
pandas ExcelWriter	always	ExcelWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas read_csv	always	read_csv -> _read -> _can_parallelize_csv calls io.open
pandas read_feather	always	read_feather -> get_handle -> _maybe_memory_map calls io.open
pandas read_fwf	always	read_fwf -> _read -> _can_parallelize_csv calls io.open
pandas read_html	always	read_html -> is_url calls urllib.parse.urlparse
pandas read_orc	always	read_orc -> get_handle -> _maybe_memory_map calls io.open
pandas read_pickle	always	read_pickle -> get_handle -> _maybe_memory_map calls io.open
pandas read_table	always	read_table -> _read -> _can_parallelize_csv calls io.open
pandas read_xml	always	read_xml -> _parse -> is_url calls urllib.parse.urlparse
pandas show_versions	always	show_versions calls io.open
pandas to_pickle	always	to_pickle -> get_handle -> _maybe_memory_map calls io.open
pandas._config.localization _default_locale_getter	always	_default_locale_getter calls subprocess.check_output
pandas._config.localization get_locales	always	get_locales calls subprocess.check_output
pandas._version get_versions	always	get_versions -> git_pieces_from_vcs calls os._Environ.copy
pandas._version git_get_keywords	always	git_get_keywords calls io.open
pandas._version git_pieces_from_vcs	always	git_pieces_from_vcs calls os._Environ.copy
pandas._version run_command	always	run_command calls subprocess.Popen
pandas.compat._cpu _cgroup_cpu_quota	always	_cgroup_cpu_quota -> _read_sysfs_str calls io.open
pandas.compat._cpu _read_sysfs_int	always	_read_sysfs_int calls io.open
pandas.compat._cpu _read_sysfs_str	always	_read_sysfs_str calls io.open
pandas.compat.compressors flatten_buffer	always	flatten_buffer calls pickle.PickleBuffer
pandas.core.frame get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.core.indexes.base format_object_summary	always	format_object_summary -> get_console_size calls shutil.get_terminal_size
pandas.core.window.rolling Window	call	Window.__init__ -> Window._validate -> import_optional_dependency calls importlib.import_module
pandas.io.api ExcelFile	always	ExcelFile.__del__ -> ExcelFile.close calls self._reader.close, a method of an object from the instance's state
pandas.io.api ExcelWriter	always	ExcelWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.api read_feather	always	read_feather -> get_handle -> _maybe_memory_map calls io.open
pandas.io.api read_html	always	read_html -> is_url calls urllib.parse.urlparse
pandas.io.api read_orc	always	read_orc -> get_handle -> _maybe_memory_map calls io.open
pandas.io.api read_pickle	always	read_pickle -> get_handle -> _maybe_memory_map calls io.open
pandas.io.api read_xml	always	read_xml -> _parse -> is_url calls urllib.parse.urlparse
pandas.io.api to_pickle	always	to_pickle -> get_handle -> _maybe_memory_map calls io.open
pandas.io.clipboard _executable_exists	always	_executable_exists calls subprocess.call
pandas.io.clipboard determine_clipboard	always	determine_clipboard calls shutil.which
pandas.io.clipboard init_dev_clipboard_clipboard	always	init_dev_clipboard_clipboard calls io.open
pandas.io.clipboard init_klipper_clipboard	always	init_klipper_clipboard calls subprocess.Popen
pandas.io.clipboard init_osx_pbcopy_clipboard	always	init_osx_pbcopy_clipboard calls subprocess.Popen
pandas.io.clipboard init_windows_clipboard	always	init_windows_clipboard calls ctypes.CDLL
pandas.io.clipboard init_wl_clipboard	always	init_wl_clipboard calls subprocess.Popen
pandas.io.clipboard init_wsl_clipboard	always	init_wsl_clipboard calls subprocess.Popen
pandas.io.clipboard init_xclip_clipboard	always	init_xclip_clipboard calls subprocess.Popen
pandas.io.clipboard init_xsel_clipboard	always	init_xsel_clipboard calls subprocess.Popen
pandas.io.clipboard lazy_load_stub_copy	always	lazy_load_stub_copy -> determine_clipboard calls shutil.which
pandas.io.clipboard lazy_load_stub_paste	always	lazy_load_stub_paste -> determine_clipboard calls shutil.which
pandas.io.clipboard waitForNewPaste	always	waitForNewPaste -> lazy_load_stub_paste -> determine_clipboard calls shutil.which
pandas.io.clipboard waitForPaste	always	waitForPaste -> lazy_load_stub_paste -> determine_clipboard calls shutil.which
pandas.io.common _get_filepath_or_buffer	always	_get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.common _maybe_memory_map	always	_maybe_memory_map calls io.open
pandas.io.common file_path_to_url	always	file_path_to_url calls urllib.parse.urljoin
pandas.io.common get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.common is_url	always	is_url calls urllib.parse.urlparse
pandas.io.excel ExcelFile	always	ExcelFile.__del__ -> ExcelFile.close calls self._reader.close, a method of an object from the instance's state
pandas.io.excel ExcelWriter	always	ExcelWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel _ODSWriter	always	ODSWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel _OpenpyxlWriter	always	OpenpyxlWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel _XlsxWriter	always	XlsxWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel _XlwtWriter	always	XlwtWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._base ExcelFile	always	ExcelFile.__del__ -> ExcelFile.close calls self._reader.close, a method of an object from the instance's state
pandas.io.excel._base ExcelWriter	always	ExcelWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._base get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.excel._base inspect_excel_format	always	inspect_excel_format -> get_handle -> _maybe_memory_map calls io.open
pandas.io.excel._odswriter ExcelWriter	always	ExcelWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._odswriter ODSWriter	always	ODSWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._openpyxl ExcelWriter	always	ExcelWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._openpyxl OpenpyxlWriter	always	OpenpyxlWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._xlsxwriter ExcelWriter	always	ExcelWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._xlsxwriter XlsxWriter	always	XlsxWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._xlwt ExcelWriter	always	ExcelWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.excel._xlwt XlwtWriter	always	XlwtWriter.__new__ -> get_default_engine -> import_optional_dependency calls importlib.import_module
pandas.io.feather_format get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.feather_format read_feather	always	read_feather -> get_handle -> _maybe_memory_map calls io.open
pandas.io.feather_format to_feather	always	to_feather -> get_handle -> _maybe_memory_map calls io.open
pandas.io.formats.console get_console_size	always	get_console_size calls shutil.get_terminal_size
pandas.io.formats.csvs get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.formats.format _get_buffer	always	_get_buffer calls io.open
pandas.io.formats.format get_buffer	always	get_buffer calls io.open
pandas.io.formats.format get_series_repr_params	always	get_series_repr_params calls shutil.get_terminal_size
pandas.io.formats.format save_to_buffer	always	save_to_buffer -> get_buffer calls io.open
pandas.io.formats.html is_url	always	is_url calls urllib.parse.urlparse
pandas.io.formats.printing format_object_summary	always	format_object_summary -> get_console_size calls shutil.get_terminal_size
pandas.io.formats.printing get_console_size	always	get_console_size calls shutil.get_terminal_size
pandas.io.formats.style save_to_buffer	always	save_to_buffer -> _get_buffer calls io.open
pandas.io.formats.xml get_data_from_filepath	always	get_data_from_filepath -> is_url calls urllib.parse.urlparse
pandas.io.formats.xml get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.html _read	always	_read -> is_url calls urllib.parse.urlparse
pandas.io.html get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.html is_url	always	is_url calls urllib.parse.urlparse
pandas.io.html read_html	always	read_html -> is_url calls urllib.parse.urlparse
pandas.io.json to_json	always	to_json -> get_handle -> _maybe_memory_map calls io.open
pandas.io.json._json get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.json._json is_url	always	is_url calls urllib.parse.urlparse
pandas.io.json._json to_json	always	to_json -> get_handle -> _maybe_memory_map calls io.open
pandas.io.orc get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.orc read_orc	always	read_orc -> get_handle -> _maybe_memory_map calls io.open
pandas.io.orc to_orc	always	to_orc -> get_handle -> _maybe_memory_map calls io.open
pandas.io.parquet _get_path_or_handle	always	_get_path_or_handle -> get_handle -> _maybe_memory_map calls io.open
pandas.io.parquet get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.parquet is_url	always	is_url calls urllib.parse.urlparse
pandas.io.parsers.readers _can_parallelize_csv	always	_can_parallelize_csv -> _find_data_start_offset calls io.open
pandas.io.parsers.readers _find_chunk_byte_offsets	always	_find_chunk_byte_offsets calls io.open
pandas.io.parsers.readers _find_data_start_offset	always	_find_data_start_offset calls io.open
pandas.io.parsers.readers _read	always	_read -> _can_parallelize_csv -> _find_data_start_offset calls io.open
pandas.io.parsers.readers _read_csv_chunks	always	_read_csv_chunks -> _find_data_start_offset calls io.open
pandas.io.parsers.readers _read_csv_parallel	always	_read_csv_parallel -> _read_csv_chunks -> _find_data_start_offset calls io.open
pandas.io.parsers.readers get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.pickle get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.pickle read_pickle	always	read_pickle -> get_handle -> _maybe_memory_map calls io.open
pandas.io.pickle to_pickle	always	to_pickle -> get_handle -> _maybe_memory_map calls io.open
pandas.io.sas.sas7bdat get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.sas.sas_xport get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.stata get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.xml _parse	always	_parse -> is_url calls urllib.parse.urlparse
pandas.io.xml get_data_from_filepath	always	get_data_from_filepath -> is_url calls urllib.parse.urlparse
pandas.io.xml get_handle	always	get_handle -> _get_filepath_or_buffer -> is_url calls urllib.parse.urlparse
pandas.io.xml is_url	always	is_url calls urllib.parse.urlparse
pandas.io.xml read_xml	always	read_xml -> _parse -> is_url calls urllib.parse.urlparse
pandas.util._print_versions show_versions	always	show_versions calls io.open
patsy.eval test_EvalEnvironment_capture_flags	always	test_EvalEnvironment_capture_flags calls builtins.compile
patsy.mgcv_cubic_splines test_crs_compat	always	test_crs_compat calls builtins.eval
patsy.splines test_bs_compat	always	test_bs_compat calls builtins.eval
peft compose_cartridge_adapters	always	compose_cartridge_adapters -> load_peft_weights -> torch_load calls torch.serialization.load
peft load_peft_weights	always	load_peft_weights -> torch_load calls torch.serialization.load
peft preprocess_loraga	always	preprocess_loraga calls torch.serialization.load
peft save_as_lora	always	save_as_lora calls os.makedirs
peft.peft_model load_peft_weights	always	load_peft_weights -> torch_load calls torch.serialization.load
peft.tuners preprocess_loraga	always	preprocess_loraga calls torch.serialization.load
peft.tuners save_as_lora	always	save_as_lora calls os.makedirs
peft.tuners.cartridge.utils compose_cartridge_adapters	always	compose_cartridge_adapters -> load_peft_weights -> torch_load calls torch.serialization.load
peft.tuners.cartridge.utils load_peft_weights	always	load_peft_weights -> torch_load calls torch.serialization.load
peft.tuners.lora preprocess_loraga	always	preprocess_loraga calls torch.serialization.load
peft.tuners.lora save_as_lora	always	save_as_lora calls os.makedirs
peft.tuners.lora.conversion save_as_lora	always	save_as_lora calls os.makedirs
peft.tuners.lora.corda calib_cov_distribution	always	calib_cov_distribution calls torch.serialization.load
peft.tuners.lora.corda preprocess_corda	always	preprocess_corda calls torch.serialization.load
peft.tuners.lora.loraga preprocess_loraga	always	preprocess_loraga calls torch.serialization.load
peft.tuners.multitask_prompt_tuning.model torch_load	always	torch_load calls torch.serialization.load
peft.tuners.osf Linear	always	Linear.__del__ -> OSFLayer._detach_hooks calls self.hook_handles.clear, a method of an object from the instance's state
peft.tuners.osf OSFLayer	always	OSFLayer.__del__ -> OSFLayer._detach_hooks calls self.hook_handles.clear, a method of an object from the instance's state
peft.tuners.osf.layer Linear	always	Linear.__del__ -> OSFLayer._detach_hooks calls self.hook_handles.clear, a method of an object from the instance's state
peft.tuners.osf.layer OSFLayer	always	OSFLayer.__del__ -> OSFLayer._detach_hooks calls self.hook_handles.clear, a method of an object from the instance's state
peft.tuners.osf.model OSFLayer	always	OSFLayer.__del__ -> OSFLayer._detach_hooks calls self.hook_handles.clear, a method of an object from the instance's state
peft.utils load_peft_weights	always	load_peft_weights -> torch_load calls torch.serialization.load
peft.utils.hotswap hotswap_adapter	always	hotswap_adapter -> load_peft_weights -> torch_load calls torch.serialization.load
peft.utils.hotswap load_peft_weights	always	load_peft_weights -> torch_load calls torch.serialization.load
peft.utils.save_and_load load_peft_weights	always	load_peft_weights -> torch_load calls torch.serialization.load
peft.utils.save_and_load torch_load	always	torch_load calls torch.serialization.load
pmdarima.__check_build raise_build_error	always	raise_build_error calls posix.listdir
pmdarima.datasets load_gasoline	always	load_gasoline -> fetch_from_web_or_disk calls os.makedirs
pmdarima.datasets load_sunspots	always	load_sunspots calls numpy.loadtxt
pmdarima.datasets._base fetch_from_web_or_disk	always	fetch_from_web_or_disk calls os.makedirs
pmdarima.datasets.gasoline fetch_from_web_or_disk	always	fetch_from_web_or_disk calls os.makedirs
pmdarima.datasets.gasoline load_gasoline	always	load_gasoline -> fetch_from_web_or_disk calls os.makedirs
pmdarima.datasets.sunspots load_sunspots	always	load_sunspots calls numpy.loadtxt
prophet.diagnostics cross_validation	always	cross_validation calls multiprocessing.context.DefaultContext.get_context
pyarrow create_library_symlinks	always	create_library_symlinks calls posix.symlink
pyarrow.feather write_feather	always	write_feather calls posix.remove
pyarrow.orc ORCWriter	always	ORCWriter.__del__ -> ORCWriter.close calls self.writer.close, a method of an object from the instance's state
pyarrow.parquet ParquetWriter	always	ParquetWriter.__del__ -> ParquetWriter.close calls self.writer.close, a method of an object from the instance's state
pyarrow.parquet write_table	always	write_table calls posix.remove
pyarrow.parquet.core ParquetWriter	always	ParquetWriter.__del__ -> ParquetWriter.close calls self.writer.close, a method of an object from the instance's state
pyarrow.parquet.core write_table	always	write_table calls posix.remove
pyarrow.util _download_requests	always	_download_requests calls io.open
pyarrow.util _download_urllib	always	_download_urllib calls io.open
pyarrow.util download_tzdata_on_windows	always	download_tzdata_on_windows calls os.makedirs
pyarrow.util find_free_port	always	find_free_port calls socket.socket
pytorch_lightning.__setup__ _setup_args	always	_setup_args calls setuptools.discovery._Finder.find
pytorch_lightning.accelerators.cuda get_nvidia_gpu_stats	always	get_nvidia_gpu_stats calls shutil.which
pytorch_lightning.demos.transformer tokenize	always	tokenize calls io.open
pytorch_lightning.loops.evaluation_loop _process_dataloader	always	_process_dataloader -> _worker_check calls multiprocessing.context.DefaultContext.get_start_method
pytorch_lightning.loops.fit_loop _process_dataloader	always	_process_dataloader -> _worker_check calls multiprocessing.context.DefaultContext.get_start_method
pytorch_lightning.loops.prediction_loop _process_dataloader	always	_process_dataloader -> _worker_check calls multiprocessing.context.DefaultContext.get_start_method
pytorch_lightning.profilers AdvancedProfiler	always	AdvancedProfiler.__del__ -> AdvancedProfiler.teardown calls self.profiled_actions.clear, a method of an object from the instance's state
pytorch_lightning.profilers PassThroughProfiler	always	PassThroughProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers PyTorchProfiler	always	PyTorchProfiler.__del__ -> PyTorchProfiler.teardown -> PyTorchProfiler._delete_profilers calls self.profiler.__exit__, a method of an object from the instance's state
pytorch_lightning.profilers SimpleProfiler	always	SimpleProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers XLAProfiler	always	XLAProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.advanced AdvancedProfiler	always	AdvancedProfiler.__del__ -> AdvancedProfiler.teardown calls self.profiled_actions.clear, a method of an object from the instance's state
pytorch_lightning.profilers.advanced Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.base PassThroughProfiler	always	PassThroughProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.base Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.profiler Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.pytorch Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.pytorch PyTorchProfiler	always	PyTorchProfiler.__del__ -> PyTorchProfiler.teardown -> PyTorchProfiler._delete_profilers calls self.profiler.__exit__, a method of an object from the instance's state
pytorch_lightning.profilers.simple Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.simple SimpleProfiler	always	SimpleProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.xla Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.profilers.xla XLAProfiler	always	XLAProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.trainer.connectors.checkpoint_connector find_model_local_ckpt_path	always	find_model_local_ckpt_path calls posix.listdir
pytorch_lightning.trainer.connectors.data_connector _process_dataloader	always	_process_dataloader -> _worker_check calls multiprocessing.context.DefaultContext.get_start_method
pytorch_lightning.trainer.connectors.data_connector _worker_check	always	_worker_check calls multiprocessing.context.DefaultContext.get_start_method
pytorch_lightning.trainer.setup AdvancedProfiler	always	AdvancedProfiler.__del__ -> AdvancedProfiler.teardown calls self.profiled_actions.clear, a method of an object from the instance's state
pytorch_lightning.trainer.setup PassThroughProfiler	always	PassThroughProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.trainer.setup Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.trainer.setup PyTorchProfiler	always	PyTorchProfiler.__del__ -> PyTorchProfiler.teardown -> PyTorchProfiler._delete_profilers calls self.profiler.__exit__, a method of an object from the instance's state
pytorch_lightning.trainer.setup SimpleProfiler	always	SimpleProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.trainer.setup XLAProfiler	always	XLAProfiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.trainer.trainer Profiler	always	Profiler.__del__ -> Profiler.teardown calls self._output_file.close, a method of an object from the instance's state
pytorch_lightning.utilities is_picklable	always	is_picklable calls _pickle.dumps
pytorch_lightning.utilities.deepspeed convert_zero_checkpoint_to_fp32_state_dict	always	convert_zero_checkpoint_to_fp32_state_dict -> ds_checkpoint_dir calls io.open
pytorch_lightning.utilities.deepspeed ds_checkpoint_dir	always	ds_checkpoint_dir calls io.open
pytorch_lightning.utilities.model_registry find_model_local_ckpt_path	always	find_model_local_ckpt_path calls posix.listdir
pytorch_lightning.utilities.model_summary LayerSummary	always	LayerSummary.__del__ -> LayerSummary.detach_hook calls self._hook_handle.remove, a method of an object from the instance's state
pytorch_lightning.utilities.model_summary.model_summary LayerSummary	always	LayerSummary.__del__ -> LayerSummary.detach_hook calls self._hook_handle.remove, a method of an object from the instance's state
pytorch_lightning.utilities.model_summary.model_summary_deepspeed DeepSpeedLayerSummary	always	DeepSpeedLayerSummary.__del__ -> LayerSummary.detach_hook calls self._hook_handle.remove, a method of an object from the instance's state
pytorch_lightning.utilities.model_summary.model_summary_deepspeed LayerSummary	always	LayerSummary.__del__ -> LayerSummary.detach_hook calls self._hook_handle.remove, a method of an object from the instance's state
pytorch_lightning.utilities.parsing clean_namespace	always	clean_namespace -> is_picklable calls _pickle.dumps
pytorch_lightning.utilities.parsing is_picklable	always	is_picklable calls _pickle.dumps
pytorch_lightning.utilities.upgrade_checkpoint _upgrade	always	_upgrade calls shutil.copyfile
pytorch_lightning.utilities.upgrade_checkpoint main	always	main -> _upgrade calls shutil.copyfile
pytz open_resource	always	open_resource calls io.open
pytz resource_exists	always	resource_exists -> open_resource calls io.open
pytz timezone	always	timezone -> open_resource calls io.open
pytz unpickler	always	unpickler -> timezone -> open_resource calls io.open
pytz.tzinfo unpickler	always	unpickler -> timezone -> open_resource calls io.open
river.checks.common check_clone_is_independent	always	check_clone_is_independent calls _pickle.dumps
river.checks.common check_no_state_aliasing_with_input	always	check_no_state_aliasing_with_input calls _pickle.dumps
river.checks.common check_pickling	always	check_pickling calls _pickle.loads
river.checks.common check_pickling_supports_roundtrip	always	check_pickling_supports_roundtrip calls _pickle.loads
river.datasets _docs_overview	always	_docs_overview calls builtins.eval
river.datasets.base get_data_home	always	get_data_home calls os.makedirs
river.datasets.synth _docs_overview	always	_docs_overview calls builtins.eval
river.stream iter_arff	always	iter_arff -> open_filepath calls io.open
river.stream iter_csv	always	iter_csv -> open_filepath calls io.open
river.stream iter_libsvm	always	iter_libsvm -> open_filepath calls io.open
river.stream.iter_arff iter_arff	always	iter_arff -> open_filepath calls io.open
river.stream.iter_csv iter_csv	always	iter_csv -> open_filepath calls io.open
river.stream.iter_libsvm iter_libsvm	always	iter_libsvm -> open_filepath calls io.open
river.stream.utils _open_zipfile	always	_open_zipfile calls _io.TextIOWrapper
river.stream.utils open_filepath	always	open_filepath calls io.open
scipy._lib._bunch _make_tuple_bunch	always	_make_tuple_bunch calls builtins.exec
scipy._lib._testutils _get_mem_available	always	_get_mem_available calls io.open
scipy._lib._testutils _test_cython_extension	always	_test_cython_extension calls shutil.copytree
scipy._lib._testutils check_free_memory	always	check_free_memory -> _get_mem_available calls io.open
scipy._lib._tmpdirs in_dir	always	in_dir calls posix.chdir
scipy._lib._tmpdirs in_tempdir	always	in_tempdir calls tempfile.mkdtemp
scipy._lib._tmpdirs tempdir	always	tempdir calls tempfile.mkdtemp
scipy._lib._uarray._backend pickle_function	always	pickle_function calls _pickle.PicklingError
scipy._lib.array_api_compat._internal clone_module	always	clone_module calls builtins.exec
scipy._lib.array_api_compat.numpy clone_module	always	clone_module calls builtins.exec
scipy._lib.array_api_compat.numpy.fft clone_module	always	clone_module calls builtins.exec
scipy._lib.array_api_compat.numpy.linalg clone_module	always	clone_module calls builtins.exec
scipy._lib.array_api_compat.torch clone_module	always	clone_module calls builtins.exec
scipy._lib.array_api_compat.torch.fft clone_module	always	clone_module calls builtins.exec
scipy._lib.array_api_compat.torch.linalg clone_module	always	clone_module calls builtins.exec
scipy._lib.pyprima cobyla	always	cobyla -> cobylb -> retmsg calls io.open
scipy._lib.pyprima.cobyla.cobyla cobyla	always	cobyla -> cobylb -> retmsg calls io.open
scipy._lib.pyprima.cobyla.cobyla cobylb	always	cobylb -> initxfc -> fmsg calls io.open
scipy._lib.pyprima.cobyla.cobylb cobylb	always	cobylb -> initxfc -> fmsg calls io.open
scipy._lib.pyprima.cobyla.cobylb fmsg	always	fmsg calls io.open
scipy._lib.pyprima.cobyla.cobylb initxfc	always	initxfc -> fmsg calls io.open
scipy._lib.pyprima.cobyla.cobylb retmsg	always	retmsg calls io.open
scipy._lib.pyprima.cobyla.cobylb rhomsg	always	rhomsg calls io.open
scipy._lib.pyprima.cobyla.initialize fmsg	always	fmsg calls io.open
scipy._lib.pyprima.cobyla.initialize initxfc	always	initxfc -> fmsg calls io.open
scipy._lib.pyprima.common.message cpenmsg	always	cpenmsg calls io.open
scipy._lib.pyprima.common.message fmsg	always	fmsg calls io.open
scipy._lib.pyprima.common.message retmsg	always	retmsg calls io.open
scipy._lib.pyprima.common.message rhomsg	always	rhomsg calls io.open
scipy.datasets ascent	always	ascent calls io.open
scipy.datasets clear_cache	always	clear_cache -> _clear_cache calls shutil.rmtree
scipy.datasets electrocardiogram	always	electrocardiogram calls numpy.load
scipy.datasets face	always	face calls io.open
scipy.datasets._fetchers ascent	always	ascent calls io.open
scipy.datasets._fetchers electrocardiogram	always	electrocardiogram calls numpy.load
scipy.datasets._fetchers face	always	face calls io.open
scipy.datasets._utils _clear_cache	always	_clear_cache calls shutil.rmtree
scipy.datasets._utils clear_cache	always	clear_cache -> _clear_cache calls shutil.rmtree
scipy.io hb_read	always	hb_read calls io.open
scipy.io hb_write	always	hb_write calls io.open
scipy.io loadmat	always	loadmat -> _open_file_context -> _open_file calls io.open
scipy.io netcdf_file	always	netcdf_file.__del__ -> netcdf_file.flush -> netcdf_file._write calls self.fp.seek, a method of an object from the instance's state
scipy.io readsav	always	readsav calls io.open
scipy.io savemat	always	savemat -> _open_file_context -> _open_file calls io.open
scipy.io whosmat	always	whosmat -> _open_file_context -> _open_file calls io.open
scipy.io._harwell_boeing hb_read	always	hb_read calls io.open
scipy.io._harwell_boeing hb_write	always	hb_write calls io.open
scipy.io._harwell_boeing.hb hb_read	always	hb_read calls io.open
scipy.io._harwell_boeing.hb hb_write	always	hb_write calls io.open
scipy.io._idl readsav	always	readsav calls io.open
scipy.io._netcdf netcdf_file	always	netcdf_file.__del__ -> netcdf_file.flush -> netcdf_file._write calls self.fp.seek, a method of an object from the instance's state
scipy.io.arff loadarff	always	loadarff calls io.open
scipy.io.arff._arffread loadarff	always	loadarff calls io.open
scipy.io.matlab loadmat	always	loadmat -> _open_file_context -> _open_file calls io.open
scipy.io.matlab savemat	always	savemat -> _open_file_context -> _open_file calls io.open
scipy.io.matlab whosmat	always	whosmat -> _open_file_context -> _open_file calls io.open
scipy.io.matlab._mio _open_file	always	_open_file calls io.open
scipy.io.matlab._mio _open_file_context	always	_open_file_context -> _open_file calls io.open
scipy.io.matlab._mio loadmat	always	loadmat -> _open_file_context -> _open_file calls io.open
scipy.io.matlab._mio mat_reader_factory	always	mat_reader_factory -> _open_file calls io.open
scipy.io.matlab._mio savemat	always	savemat -> _open_file_context -> _open_file calls io.open
scipy.io.matlab._mio whosmat	always	whosmat -> _open_file_context -> _open_file calls io.open
scipy.io.wavfile _read_data_chunk	always	_read_data_chunk calls numpy.fromfile
scipy.io.wavfile read	always	read calls io.open
scipy.io.wavfile write	always	write calls io.open
scipy.optimize._nonlin _nonlin_wrapper	always	_nonlin_wrapper calls builtins.exec
scipy.sparse load_npz	always	load_npz calls numpy.load
scipy.sparse._matrix_io load_npz	always	load_npz calls numpy.load
scipy.special._precompute.expn_asy main	always	main calls posix.rename
scipy.special._precompute.gammainc_asy main	always	main calls posix.rename
scipy.special._precompute.hyp2f1_data get_results	always	get_results calls multiprocessing.context.BaseContext.Pool
scipy.special._precompute.hyp2f1_data main	always	main -> get_results calls multiprocessing.context.BaseContext.Pool
scipy.stats._crosstab _make_tuple_bunch	always	_make_tuple_bunch calls builtins.exec
scipy.stats._mgc _make_tuple_bunch	always	_make_tuple_bunch calls builtins.exec
scipy.stats._morestats _make_tuple_bunch	always	_make_tuple_bunch calls builtins.exec
scipy.stats._mstats_basic _make_tuple_bunch	always	_make_tuple_bunch calls builtins.exec
scipy.stats._stats_mstats_common _make_tuple_bunch	always	_make_tuple_bunch calls builtins.exec
scipy.stats._stats_py _make_tuple_bunch	always	_make_tuple_bunch calls builtins.exec
scipy.stats.contingency _make_tuple_bunch	always	_make_tuple_bunch calls builtins.exec
sentence_transformers export_dynamic_quantized_onnx_model	always	export_dynamic_quantized_onnx_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers export_optimized_onnx_model	always	export_optimized_onnx_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers export_static_quantized_openvino_model	always	export_static_quantized_openvino_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers mine_hard_negatives	always	mine_hard_negatives calls os.makedirs
sentence_transformers.backend _save_pretrained_wrapper	always	_save_pretrained_wrapper calls os.makedirs
sentence_transformers.backend export_dynamic_quantized_onnx_model	always	export_dynamic_quantized_onnx_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend export_optimized_onnx_model	always	export_optimized_onnx_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend export_static_quantized_openvino_model	always	export_static_quantized_openvino_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend load_onnx_model	always	load_onnx_model -> _save_pretrained_wrapper calls os.makedirs
sentence_transformers.backend load_openvino_model	always	load_openvino_model -> _save_pretrained_wrapper calls os.makedirs
sentence_transformers.backend save_or_push_to_hub_model	always	save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend.load _save_pretrained_wrapper	always	_save_pretrained_wrapper calls os.makedirs
sentence_transformers.backend.load load_onnx_model	always	load_onnx_model -> _save_pretrained_wrapper calls os.makedirs
sentence_transformers.backend.load load_openvino_model	always	load_openvino_model -> _save_pretrained_wrapper calls os.makedirs
sentence_transformers.backend.optimize export_optimized_onnx_model	always	export_optimized_onnx_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend.optimize save_or_push_to_hub_model	always	save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend.quantize export_dynamic_quantized_onnx_model	always	export_dynamic_quantized_onnx_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend.quantize export_static_quantized_openvino_model	always	export_static_quantized_openvino_model -> save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend.quantize save_or_push_to_hub_model	always	save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.backend.utils _save_pretrained_wrapper	always	_save_pretrained_wrapper calls os.makedirs
sentence_transformers.backend.utils save_or_push_to_hub_model	always	save_or_push_to_hub_model calls tempfile.TemporaryDirectory
sentence_transformers.base.modality _is_media_url_or_path	always	_is_media_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modality _is_video_frames	always	_is_video_frames -> infer_modality -> is_video_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modality infer_batch_modality	always	infer_batch_modality -> infer_modality -> is_video_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modality infer_modality	always	infer_modality -> is_image_url_or_path -> _is_media_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modality is_audio_url_or_path	always	is_audio_url_or_path -> _is_media_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modality is_image_url_or_path	always	is_image_url_or_path -> _is_media_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modality is_video_url_or_path	always	is_video_url_or_path -> _is_media_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modality raise_unsupported_modality_error	always	raise_unsupported_modality_error -> infer_modality -> is_video_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.model infer_batch_modality	always	infer_batch_modality -> infer_modality -> is_video_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.model raise_unsupported_modality_error	always	raise_unsupported_modality_error -> infer_modality -> is_video_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.model_card infer_modality	always	infer_modality -> is_image_url_or_path -> _is_media_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modules.router infer_batch_modality	always	infer_batch_modality -> infer_modality -> is_video_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.modules.transformer load_onnx_model	always	load_onnx_model -> _save_pretrained_wrapper calls os.makedirs
sentence_transformers.base.modules.transformer load_openvino_model	always	load_openvino_model -> _save_pretrained_wrapper calls os.makedirs
sentence_transformers.base.modules.transformer raise_unsupported_modality_error	always	raise_unsupported_modality_error -> infer_modality -> is_video_url_or_path calls urllib.parse.urlparse
sentence_transformers.base.sampler _hash_batch	always	_hash_batch -> _sample_value_str calls _pickle.dumps
sentence_transformers.base.sampler _sample_value_str	always	_sample_value_str calls _pickle.dumps
sentence_transformers.base.training_args BaseTrainingArguments	call	BaseTrainingArguments.__post_init__ -> BaseTrainingArguments._workers_are_spawned calls multiprocessing.context.DefaultContext.get_start_method
sentence_transformers.cross_encoder.training_args CrossEncoderTrainingArguments	call	CrossEncoderTrainingArguments.__post_init__ -> BaseTrainingArguments._workers_are_spawned calls multiprocessing.context.DefaultContext.get_start_method
sentence_transformers.multi_vector_encoder.training_args MultiVectorEncoderTrainingArguments	call	MultiVectorEncoderTrainingArguments.__post_init__ -> BaseTrainingArguments._workers_are_spawned calls multiprocessing.context.DefaultContext.get_start_method
sentence_transformers.sentence_transformer.modules.word_embeddings http_get	always	http_get calls os.makedirs
sentence_transformers.sentence_transformer.training_args SentenceTransformerTrainingArguments	call	SentenceTransformerTrainingArguments.__post_init__ -> BaseTrainingArguments._workers_are_spawned calls multiprocessing.context.DefaultContext.get_start_method
sentence_transformers.sparse_encoder.evaluation.sparse_binary_classification append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.sparse_encoder.evaluation.sparse_embedding_similarity append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.sparse_encoder.evaluation.sparse_information_retrieval append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.sparse_encoder.evaluation.sparse_mse append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.sparse_encoder.evaluation.sparse_nano_beir append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.sparse_encoder.evaluation.sparse_reranking append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.sparse_encoder.evaluation.sparse_translation append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.sparse_encoder.evaluation.sparse_triplet append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.sparse_encoder.training_args SparseEncoderTrainingArguments	call	SparseEncoderTrainingArguments.__post_init__ -> BaseTrainingArguments._workers_are_spawned calls multiprocessing.context.DefaultContext.get_start_method
sentence_transformers.util append_to_last_row	always	append_to_last_row calls io.open
sentence_transformers.util http_get	always	http_get calls os.makedirs
sentence_transformers.util mine_hard_negatives	always	mine_hard_negatives calls os.makedirs
sentence_transformers.util.file_io http_get	always	http_get calls os.makedirs
sentence_transformers.util.hard_negatives mine_hard_negatives	always	mine_hard_negatives calls os.makedirs
sentence_transformers.util.misc append_to_last_row	always	append_to_last_row calls io.open
shap getjs	always	getjs calls io.open
shap initjs	always	initjs calls io.open
shap save_html	always	save_html calls io.open
shap.benchmark.experiments __run_remote_experiment	always	__run_remote_experiment calls subprocess.check_output
shap.benchmark.experiments __thread_worker	always	__thread_worker -> __run_remote_experiment calls subprocess.check_output
shap.benchmark.experiments run_experiment	always	run_experiment calls io.open
shap.benchmark.experiments run_experiments	always	run_experiments calls multiprocessing.context.BaseContext.Pool
shap.benchmark.experiments run_experiments_helper	always	run_experiments_helper -> run_experiment calls io.open
shap.benchmark.experiments run_remote_experiments	always	run_remote_experiments calls subprocess.run
shap.benchmark.metrics __run_batch_abs_metric	always	__run_batch_abs_metric -> __score_method calls io.open
shap.benchmark.metrics __run_measure	always	__run_measure -> __score_method calls io.open
shap.benchmark.metrics __score_method	always	__score_method calls io.open
shap.benchmark.metrics batch_keep_absolute_retrain__r2	always	batch_keep_absolute_retrain__r2 -> __run_batch_abs_metric -> __score_method calls io.open
shap.benchmark.metrics batch_keep_absolute_retrain__roc_auc	always	batch_keep_absolute_retrain__roc_auc -> __run_batch_abs_metric -> __score_method calls io.open
shap.benchmark.metrics batch_remove_absolute_retrain__r2	always	batch_remove_absolute_retrain__r2 -> __run_batch_abs_metric -> __score_method calls io.open
shap.benchmark.metrics batch_remove_absolute_retrain__roc_auc	always	batch_remove_absolute_retrain__roc_auc -> __run_batch_abs_metric -> __score_method calls io.open
shap.benchmark.metrics keep_absolute_impute__r2	always	keep_absolute_impute__r2 -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_absolute_impute__roc_auc	always	keep_absolute_impute__roc_auc -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_absolute_mask__r2	always	keep_absolute_mask__r2 -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_absolute_mask__roc_auc	always	keep_absolute_mask__roc_auc -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_absolute_resample__r2	always	keep_absolute_resample__r2 -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_absolute_resample__roc_auc	always	keep_absolute_resample__roc_auc -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_negative_impute	always	keep_negative_impute -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_negative_mask	always	keep_negative_mask -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_negative_resample	always	keep_negative_resample -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_negative_retrain	always	keep_negative_retrain -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_positive_impute	always	keep_positive_impute -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_positive_mask	always	keep_positive_mask -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_positive_resample	always	keep_positive_resample -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics keep_positive_retrain	always	keep_positive_retrain -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics local_accuracy	always	local_accuracy -> __score_method calls io.open
shap.benchmark.metrics remove_absolute_impute__r2	always	remove_absolute_impute__r2 -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_absolute_impute__roc_auc	always	remove_absolute_impute__roc_auc -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_absolute_mask__r2	always	remove_absolute_mask__r2 -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_absolute_mask__roc_auc	always	remove_absolute_mask__roc_auc -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_absolute_resample__r2	always	remove_absolute_resample__r2 -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_absolute_resample__roc_auc	always	remove_absolute_resample__roc_auc -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_negative_impute	always	remove_negative_impute -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_negative_mask	always	remove_negative_mask -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_negative_resample	always	remove_negative_resample -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_negative_retrain	always	remove_negative_retrain -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_positive_impute	always	remove_positive_impute -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_positive_mask	always	remove_positive_mask -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_positive_resample	always	remove_positive_resample -> __run_measure -> __score_method calls io.open
shap.benchmark.metrics remove_positive_retrain	always	remove_positive_retrain -> __run_measure -> __score_method calls io.open
shap.benchmark.plots plot_curve	always	plot_curve -> run_experiments calls multiprocessing.context.BaseContext.Pool
shap.benchmark.plots plot_grids	always	plot_grids calls posix.mkdir
shap.benchmark.plots plot_human	always	plot_human -> run_experiments calls multiprocessing.context.BaseContext.Pool
shap.benchmark.plots run_experiments	always	run_experiments calls multiprocessing.context.BaseContext.Pool
shap.datasets a1a	always	a1a -> cache calls os.makedirs
shap.datasets adult	always	adult -> cache calls os.makedirs
shap.datasets cache	always	cache calls os.makedirs
shap.datasets communitiesandcrime	always	communitiesandcrime -> cache calls os.makedirs
shap.datasets imagenet50	always	imagenet50 calls numpy.loadtxt
shap.datasets imdb	always	imdb calls io.open
shap.datasets nhanesi	always	nhanesi -> cache calls os.makedirs
shap.datasets rank	always	rank calls numpy.loadtxt
shap.plots initjs	always	initjs calls io.open
shap.plots._force getjs	always	getjs calls io.open
shap.plots._force initjs	always	initjs calls io.open
shap.plots._force save_html	always	save_html calls io.open
shap.utils suppress_stderr	always	suppress_stderr calls io.open
shap.utils._general suppress_stderr	always	suppress_stderr calls io.open
shap.utils.image add_sample_images	always	add_sample_images -> imagenet50 calls numpy.loadtxt
shap.utils.image is_empty	always	is_empty calls posix.listdir
shap.utils.image make_dir	always	make_dir calls posix.listdir
sklearn.__check_build raise_build_error	always	raise_build_error calls posix.listdir
sklearn.base estimator_html_repr	always	estimator_html_repr calls io.open
sklearn.callback ScoringMonitor	always	ScoringMonitor.__setstate__ -> can_reuse_listener calls multiprocessing.connection.Client
sklearn.callback._progressbar open_listener	always	open_listener calls multiprocessing.connection.Listener
sklearn.callback._progressbar send	always	send calls multiprocessing.connection.Client
sklearn.callback._scoring_monitor ScoringMonitor	always	ScoringMonitor.__setstate__ -> can_reuse_listener calls multiprocessing.connection.Client
sklearn.callback._scoring_monitor can_reuse_listener	always	can_reuse_listener calls multiprocessing.connection.Client
sklearn.callback._scoring_monitor open_listener	always	open_listener calls multiprocessing.connection.Listener
sklearn.callback._scoring_monitor send	always	send calls multiprocessing.connection.Client
sklearn.callback._transport can_reuse_listener	always	can_reuse_listener calls multiprocessing.connection.Client
sklearn.callback._transport open_listener	always	open_listener calls multiprocessing.connection.Listener
sklearn.callback._transport send	always	send calls multiprocessing.connection.Client
sklearn.datasets clear_data_home	always	clear_data_home -> get_data_home calls os.makedirs
sklearn.datasets dump_svmlight_file	always	dump_svmlight_file calls io.open
sklearn.datasets fetch_20newsgroups	always	fetch_20newsgroups -> get_data_home calls os.makedirs
sklearn.datasets fetch_20newsgroups_vectorized	always	fetch_20newsgroups_vectorized -> get_data_home calls os.makedirs
sklearn.datasets fetch_california_housing	always	fetch_california_housing -> get_data_home calls os.makedirs
sklearn.datasets fetch_covtype	always	fetch_covtype -> get_data_home calls os.makedirs
sklearn.datasets fetch_file	always	fetch_file -> _derive_folder_and_filename_from_url calls urllib.parse.urlparse
sklearn.datasets fetch_kddcup99	always	fetch_kddcup99 -> get_data_home calls os.makedirs
sklearn.datasets fetch_lfw_pairs	always	fetch_lfw_pairs -> _check_fetch_lfw -> get_data_home calls os.makedirs
sklearn.datasets fetch_lfw_people	always	fetch_lfw_people -> _check_fetch_lfw -> get_data_home calls os.makedirs
sklearn.datasets fetch_olivetti_faces	always	fetch_olivetti_faces -> get_data_home calls os.makedirs
sklearn.datasets fetch_openml	always	fetch_openml -> _download_data_to_bunch -> _openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets fetch_rcv1	always	fetch_rcv1 -> get_data_home calls os.makedirs
sklearn.datasets fetch_species_distributions	always	fetch_species_distributions -> get_data_home calls os.makedirs
sklearn.datasets get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets load_diabetes	always	load_diabetes -> load_gzip_compressed_csv_data calls numpy.loadtxt
sklearn.datasets load_digits	always	load_digits -> load_gzip_compressed_csv_data calls numpy.loadtxt
sklearn.datasets load_files	always	load_files calls posix.listdir
sklearn.datasets load_linnerud	always	load_linnerud calls numpy.loadtxt
sklearn.datasets load_svmlight_files	always	load_svmlight_files -> _open_and_load -> _gen_open calls io.open
sklearn.datasets._base _derive_folder_and_filename_from_url	always	_derive_folder_and_filename_from_url calls urllib.parse.urlparse
sklearn.datasets._base _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._base _sha256	always	_sha256 calls io.open
sklearn.datasets._base clear_data_home	always	clear_data_home -> get_data_home calls os.makedirs
sklearn.datasets._base fetch_file	always	fetch_file -> _derive_folder_and_filename_from_url calls urllib.parse.urlparse
sklearn.datasets._base get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._base load_diabetes	always	load_diabetes -> load_gzip_compressed_csv_data calls numpy.loadtxt
sklearn.datasets._base load_digits	always	load_digits -> load_gzip_compressed_csv_data calls numpy.loadtxt
sklearn.datasets._base load_files	always	load_files calls posix.listdir
sklearn.datasets._base load_gzip_compressed_csv_data	always	load_gzip_compressed_csv_data calls numpy.loadtxt
sklearn.datasets._base load_linnerud	always	load_linnerud calls numpy.loadtxt
sklearn.datasets._california_housing _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._california_housing fetch_california_housing	always	fetch_california_housing -> get_data_home calls os.makedirs
sklearn.datasets._california_housing get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._covtype _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._covtype fetch_covtype	always	fetch_covtype -> get_data_home calls os.makedirs
sklearn.datasets._covtype get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._kddcup99 _fetch_brute_kddcup99	always	_fetch_brute_kddcup99 -> get_data_home calls os.makedirs
sklearn.datasets._kddcup99 _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._kddcup99 _mkdirp	always	_mkdirp calls os.makedirs
sklearn.datasets._kddcup99 fetch_kddcup99	always	fetch_kddcup99 -> get_data_home calls os.makedirs
sklearn.datasets._kddcup99 get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._lfw _check_fetch_lfw	always	_check_fetch_lfw -> get_data_home calls os.makedirs
sklearn.datasets._lfw _fetch_lfw_pairs	always	_fetch_lfw_pairs calls io.open
sklearn.datasets._lfw _fetch_lfw_people	always	_fetch_lfw_people calls posix.listdir
sklearn.datasets._lfw _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._lfw fetch_lfw_pairs	always	fetch_lfw_pairs -> _check_fetch_lfw -> get_data_home calls os.makedirs
sklearn.datasets._lfw fetch_lfw_people	always	fetch_lfw_people -> _check_fetch_lfw -> get_data_home calls os.makedirs
sklearn.datasets._lfw get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._olivetti_faces _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._olivetti_faces fetch_olivetti_faces	always	fetch_olivetti_faces -> get_data_home calls os.makedirs
sklearn.datasets._olivetti_faces get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._openml _download_data_to_bunch	always	_download_data_to_bunch -> _openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets._openml _get_data_description_by_id	always	_get_data_description_by_id -> _get_json_content_from_openml_api -> _openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets._openml _get_data_features	always	_get_data_features -> _get_json_content_from_openml_api -> _openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets._openml _get_data_info_by_name	always	_get_data_info_by_name -> _get_json_content_from_openml_api -> _openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets._openml _get_data_qualities	always	_get_data_qualities -> _get_json_content_from_openml_api -> _openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets._openml _get_json_content_from_openml_api	always	_get_json_content_from_openml_api -> _openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets._openml _load_arff_response	always	_load_arff_response -> _open_openml_url calls urllib.request.Request
sklearn.datasets._openml _open_openml_url	always	_open_openml_url calls urllib.request.Request
sklearn.datasets._openml _openml_path_from_url	always	_openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets._openml fetch_openml	always	fetch_openml -> _download_data_to_bunch -> _openml_path_from_url calls urllib.parse.urlparse
sklearn.datasets._openml get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._rcv1 _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._rcv1 fetch_rcv1	always	fetch_rcv1 -> get_data_home calls os.makedirs
sklearn.datasets._rcv1 get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._rcv1 load_svmlight_files	always	load_svmlight_files -> _open_and_load -> _gen_open calls io.open
sklearn.datasets._species_distributions _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._species_distributions _load_coverage	always	_load_coverage calls numpy.loadtxt
sklearn.datasets._species_distributions _load_csv	always	_load_csv calls numpy.loadtxt
sklearn.datasets._species_distributions fetch_species_distributions	always	fetch_species_distributions -> get_data_home calls os.makedirs
sklearn.datasets._species_distributions get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._svmlight_format_io _gen_open	always	_gen_open calls io.open
sklearn.datasets._svmlight_format_io _open_and_load	always	_open_and_load -> _gen_open calls io.open
sklearn.datasets._svmlight_format_io dump_svmlight_file	always	dump_svmlight_file calls io.open
sklearn.datasets._svmlight_format_io load_svmlight_files	always	load_svmlight_files -> _open_and_load -> _gen_open calls io.open
sklearn.datasets._twenty_newsgroups _download_20newsgroups	always	_download_20newsgroups calls os.makedirs
sklearn.datasets._twenty_newsgroups _fetch_remote	always	_fetch_remote calls tempfile.NamedTemporaryFile
sklearn.datasets._twenty_newsgroups fetch_20newsgroups	always	fetch_20newsgroups -> get_data_home calls os.makedirs
sklearn.datasets._twenty_newsgroups fetch_20newsgroups_vectorized	always	fetch_20newsgroups_vectorized -> get_data_home calls os.makedirs
sklearn.datasets._twenty_newsgroups get_data_home	always	get_data_home calls os.makedirs
sklearn.datasets._twenty_newsgroups load_files	always	load_files calls posix.listdir
sklearn.externals.array_api_compat._internal clone_module	always	clone_module calls builtins.exec
sklearn.externals.array_api_compat.numpy clone_module	always	clone_module calls builtins.exec
sklearn.externals.array_api_compat.numpy.fft clone_module	always	clone_module calls builtins.exec
sklearn.externals.array_api_compat.numpy.linalg clone_module	always	clone_module calls builtins.exec
sklearn.externals.array_api_compat.torch clone_module	always	clone_module calls builtins.exec
sklearn.externals.array_api_compat.torch.fft clone_module	always	clone_module calls builtins.exec
sklearn.externals.array_api_compat.torch.linalg clone_module	always	clone_module calls builtins.exec
sklearn.tree export_graphviz	always	export_graphviz calls io.open
sklearn.tree._export export_graphviz	always	export_graphviz calls io.open
sklearn.utils estimator_html_repr	always	estimator_html_repr calls io.open
sklearn.utils._repr_html.common generate_link_to_param_doc	always	generate_link_to_param_doc calls urllib.parse.quote
sklearn.utils._repr_html.estimator estimator_html_repr	always	estimator_html_repr calls io.open
sklearn.utils._repr_html.fitted_attributes _fitted_attr_html_repr	always	_fitted_attr_html_repr -> generate_link_to_param_doc calls urllib.parse.quote
sklearn.utils._repr_html.fitted_attributes generate_link_to_param_doc	always	generate_link_to_param_doc calls urllib.parse.quote
sklearn.utils._repr_html.params _params_html_repr	always	_params_html_repr -> generate_link_to_param_doc calls urllib.parse.quote
sklearn.utils._repr_html.params generate_link_to_param_doc	always	generate_link_to_param_doc calls urllib.parse.quote
sklearn.utils._testing create_memmap_backed_data	always	create_memmap_backed_data calls tempfile.mkdtemp
sklearn.utils.estimator_checks check_classifiers_train	always	check_classifiers_train -> create_memmap_backed_data calls tempfile.mkdtemp
sklearn.utils.estimator_checks check_clustering	always	check_clustering -> create_memmap_backed_data calls tempfile.mkdtemp
sklearn.utils.estimator_checks check_estimators_pickle	always	check_estimators_pickle -> create_memmap_backed_data calls tempfile.mkdtemp
sklearn.utils.estimator_checks check_outliers_train	always	check_outliers_train -> create_memmap_backed_data calls tempfile.mkdtemp
sklearn.utils.estimator_checks check_readonly_memmap_input	always	check_readonly_memmap_input -> create_memmap_backed_data calls tempfile.mkdtemp
sklearn.utils.estimator_checks check_regressors_train	always	check_regressors_train -> create_memmap_backed_data calls tempfile.mkdtemp
sklearn.utils.estimator_checks check_sparsify_coefficients	always	check_sparsify_coefficients calls _pickle.loads
sklearn.utils.estimator_checks check_transformer_general	always	check_transformer_general -> create_memmap_backed_data calls tempfile.mkdtemp
sklearn.utils.estimator_checks create_memmap_backed_data	always	create_memmap_backed_data calls tempfile.mkdtemp
sktime._nopytest_tests craft	always	craft calls builtins.exec
sktime.benchmarking._incremental_store _atomic_write_text	always	_atomic_write_text calls io.open
sktime.benchmarking._storage_handlers _atomic_write_text	always	_atomic_write_text calls io.open
sktime.benchmarking.data load_from_tsfile_to_dataframe	always	load_from_tsfile_to_dataframe calls io.open
sktime.benchmarking.data make_datasets	always	make_datasets calls posix.listdir
sktime.benchmarking.experiments load_and_run_classification_experiment	always	load_and_run_classification_experiment -> run_classification_experiment -> write_results_to_uea_format calls io.open
sktime.benchmarking.experiments load_and_run_clustering_experiment	always	load_and_run_clustering_experiment -> load_from_tsfile_to_dataframe calls io.open
sktime.benchmarking.experiments load_ts	always	load_from_tsfile_to_dataframe calls io.open
sktime.benchmarking.experiments run_classification_experiment	always	run_classification_experiment -> write_results_to_uea_format calls io.open
sktime.benchmarking.experiments run_clustering_experiment	always	run_clustering_experiment -> write_results_to_uea_format calls io.open
sktime.benchmarking.experiments write_results_to_uea_format	always	write_results_to_uea_format calls io.open
sktime.catalogues.base._base craft	always	craft calls builtins.exec
sktime.classification.all TSPulseClassifier	always	TSPulseClassifier.__setstate__ calls torch.serialization.load
sktime.classification.foundation_models TSPulseClassifier	always	TSPulseClassifier.__setstate__ calls torch.serialization.load
sktime.classification.foundation_models.tspulse TSPulseClassifier	always	TSPulseClassifier.__setstate__ calls torch.serialization.load
sktime.datasets _load_fpp3	always	_load_fpp3 -> _process_dataset -> _decompress_file_to_temp calls tempfile.mkdtemp
sktime.datasets load_UCR_UEA_dataset	always	load_UCR_UEA_dataset -> _load_dataset -> _mkdir_if_not_exist calls os.makedirs
sktime.datasets load_covid_3month	always	load_covid_3month -> _load_dataset -> _mkdir_if_not_exist calls os.makedirs
sktime.datasets load_forecastingdata	always	load_forecastingdata -> load_tsf_to_dataframe calls io.open
sktime.datasets load_fpp3	always	load_fpp3 -> _load_fpp3 -> _process_dataset calls shutil.rmtree
sktime.datasets load_from_arff_to_dataframe	always	load_from_arff_to_dataframe calls io.open
sktime.datasets load_from_tsfile	always	load_from_tsfile -> load_from_tsfile_to_dataframe calls io.open
sktime.datasets load_from_tsfile_to_dataframe	always	load_from_tsfile_to_dataframe calls io.open
sktime.datasets load_tsf_to_dataframe	always	load_tsf_to_dataframe calls io.open
sktime.datasets load_unit_test_tsf	always	load_unit_test_tsf -> load_tsf_to_dataframe calls io.open
sktime.datasets write_dataframe_to_tsfile	always	write_dataframe_to_tsfile -> write_ndarray_to_tsfile -> _write_header calls io.open
sktime.datasets write_ndarray_to_tsfile	always	write_ndarray_to_tsfile -> _write_header calls io.open
sktime.datasets write_panel_to_tsfile	always	write_panel_to_tsfile -> write_ndarray_to_tsfile -> _write_header calls io.open
sktime.datasets write_results_to_uea_format	always	write_results_to_uea_format calls io.open
sktime.datasets write_tabular_transformation_to_arff	always	write_tabular_transformation_to_arff calls io.open
sktime.datasets._data_io _list_available_datasets	always	_list_available_datasets calls posix.listdir
sktime.datasets._data_io _load_dataset	always	_load_dataset -> _mkdir_if_not_exist calls os.makedirs
sktime.datasets._data_io _load_provided_dataset	always	_load_provided_dataset -> load_from_tsfile -> load_from_tsfile_to_dataframe calls io.open
sktime.datasets._data_io _mkdir_if_not_exist	always	_mkdir_if_not_exist calls os.makedirs
sktime.datasets._data_io load_from_tsfile	always	load_from_tsfile -> load_from_tsfile_to_dataframe calls io.open
sktime.datasets._fpp3_loaders _decompress_file_to_temp	always	_decompress_file_to_temp calls tempfile.mkdtemp
sktime.datasets._fpp3_loaders _find_dataset	always	_find_dataset calls os.walk
sktime.datasets._fpp3_loaders _load_fpp3	always	_load_fpp3 -> _process_dataset -> _decompress_file_to_temp calls tempfile.mkdtemp
sktime.datasets._fpp3_loaders _process_dataset	always	_process_dataset -> _decompress_file_to_temp calls tempfile.mkdtemp
sktime.datasets._fpp3_loaders load_fpp3	always	load_fpp3 -> _load_fpp3 -> _process_dataset calls shutil.rmtree
sktime.datasets._readers_writers.arff load_from_arff_to_dataframe	always	load_from_arff_to_dataframe calls io.open
sktime.datasets._readers_writers.arff write_tabular_transformation_to_arff	always	write_tabular_transformation_to_arff calls io.open
sktime.datasets._readers_writers.ts _write_header	always	_write_header calls io.open
sktime.datasets._readers_writers.ts load_from_tsfile	always	load_from_tsfile -> load_from_tsfile_to_dataframe calls io.open
sktime.datasets._readers_writers.ts load_from_tsfile_to_dataframe	always	load_from_tsfile_to_dataframe calls io.open
sktime.datasets._readers_writers.ts write_dataframe_to_tsfile	always	write_dataframe_to_tsfile -> write_ndarray_to_tsfile -> _write_header calls io.open
sktime.datasets._readers_writers.ts write_ndarray_to_tsfile	always	write_ndarray_to_tsfile -> _write_header calls io.open
sktime.datasets._readers_writers.ts write_panel_to_tsfile	always	write_panel_to_tsfile -> write_ndarray_to_tsfile -> _write_header calls io.open
sktime.datasets._readers_writers.tsf load_tsf_to_dataframe	always	load_tsf_to_dataframe calls io.open
sktime.datasets._readers_writers.utils _write_header	always	_write_header calls io.open
sktime.datasets._readers_writers.utils write_results_to_uea_format	always	write_results_to_uea_format calls io.open
sktime.datasets._single_problem_loaders _list_available_datasets	always	_list_available_datasets calls posix.listdir
sktime.datasets._single_problem_loaders _load_dataset	always	_load_dataset -> _mkdir_if_not_exist calls os.makedirs
sktime.datasets._single_problem_loaders _load_provided_dataset	always	_load_provided_dataset -> load_from_tsfile -> load_from_tsfile_to_dataframe calls io.open
sktime.datasets._single_problem_loaders load_UCR_UEA_dataset	always	load_UCR_UEA_dataset -> _load_dataset -> _mkdir_if_not_exist calls os.makedirs
sktime.datasets._single_problem_loaders load_covid_3month	always	load_covid_3month -> _load_dataset -> _mkdir_if_not_exist calls os.makedirs
sktime.datasets._single_problem_loaders load_forecastingdata	always	load_forecastingdata -> load_tsf_to_dataframe calls io.open
sktime.datasets._single_problem_loaders load_tsf_to_dataframe	always	load_tsf_to_dataframe calls io.open
sktime.datasets._single_problem_loaders load_unit_test_tsf	always	load_unit_test_tsf -> load_tsf_to_dataframe calls io.open
sktime.datasets.classification.ucr_uea_archive._ucr_uea_datasets load_UCR_UEA_dataset	always	load_UCR_UEA_dataset -> _load_dataset -> _mkdir_if_not_exist calls os.makedirs
sktime.datasets.forecasting.monash._forecasting_data load_forecastingdata	always	load_forecastingdata -> load_tsf_to_dataframe calls io.open
sktime.datatypes._series_as_panel convert_to_scitype	always	convert_to_scitype calls builtins.eval
sktime.datatypes._series_as_panel._convert convert_to_scitype	always	convert_to_scitype calls builtins.eval
sktime.forecasting.agentic._autoresearch _evaluate_blueprint	always	_evaluate_blueprint -> craft calls builtins.exec
sktime.forecasting.agentic._autoresearch craft	always	craft calls builtins.exec
sktime.libs.momentfm.utils.data load_from_tsfile	always	load_from_tsfile calls io.open
sktime.libs.momentfm.utils.utils make_dir_if_not_exists	always	make_dir_if_not_exists calls os.makedirs
sktime.registry craft	always	craft calls builtins.exec
sktime.registry resolve_alias	always	resolve_alias -> craft calls builtins.exec
sktime.registry._alias craft	always	craft calls builtins.exec
sktime.registry._alias resolve_alias	always	resolve_alias -> craft calls builtins.exec
sktime.registry._craft craft	always	craft calls builtins.exec
sktime.transformations.base._base convert_to_scitype	always	convert_to_scitype calls builtins.eval
sktime.transformations.evoforest_tswm build_consts	always	build_consts -> load_banks calls numpy.load
sktime.transformations.evoforest_tswm load_banks	always	load_banks calls numpy.load
sktime.utils.git_diff get_changed_lines	always	get_changed_lines calls subprocess.check_output
sktime.utils.git_diff get_packages_with_changed_specs	always	get_packages_with_changed_specs -> _get_packages_with_changed_specs -> get_changed_lines calls subprocess.check_output
sktime.utils.mlflow_sktime save_model	always	save_model calls io.open
statsmodels.api webdoc	always	webdoc -> _generate_url calls urllib.parse.urlencode
statsmodels.datasets check_internet	always	check_internet calls urllib.request.urlopen
statsmodels.datasets clear_data_home	always	clear_data_home calls shutil.rmtree
statsmodels.datasets get_rdataset	always	get_rdataset -> _get_data -> _urlopen_cached calls urllib.request.urlopen
statsmodels.datasets webuse	always	webuse calls urllib.parse.urljoin
statsmodels.datasets.utils _get_data	always	_get_data -> _urlopen_cached calls urllib.request.urlopen
statsmodels.datasets.utils _get_dataset_meta	always	_get_dataset_meta -> _urlopen_cached calls urllib.request.urlopen
statsmodels.datasets.utils _urlopen_cached	always	_urlopen_cached calls urllib.request.urlopen
statsmodels.datasets.utils check_internet	always	check_internet calls urllib.request.urlopen
statsmodels.datasets.utils clear_data_home	always	clear_data_home calls shutil.rmtree
statsmodels.datasets.utils get_rdataset	always	get_rdataset -> _get_data -> _urlopen_cached calls urllib.request.urlopen
statsmodels.datasets.utils webuse	always	webuse calls urllib.parse.urljoin
statsmodels.graphics.api hdrboxplot	always	hdrboxplot calls multiprocessing.context.BaseContext.Pool
statsmodels.graphics.functional hdrboxplot	always	hdrboxplot calls multiprocessing.context.BaseContext.Pool
statsmodels.iolib save_pickle	always	save_pickle calls _pickle.dump
statsmodels.iolib.api save_pickle	always	save_pickle calls _pickle.dump
statsmodels.iolib.smpickle save_pickle	always	save_pickle calls _pickle.dump
statsmodels.tools.web _generate_url	always	_generate_url calls urllib.parse.urlencode
statsmodels.tools.web webdoc	always	webdoc -> _generate_url calls urllib.parse.urlencode
statsmodels.tsa.api x13_arima_analysis	always	x13_arima_analysis -> _check_x12 -> _find_x12 calls subprocess.check_call
statsmodels.tsa.api x13_arima_select_order	always	x13_arima_select_order -> x13_arima_analysis calls tempfile.NamedTemporaryFile
statsmodels.tsa.x13 _check_x12	always	_check_x12 -> _find_x12 calls subprocess.check_call
statsmodels.tsa.x13 _find_x12	always	_find_x12 calls subprocess.check_call
statsmodels.tsa.x13 run_spec	always	run_spec calls subprocess.Popen
statsmodels.tsa.x13 x13_arima_analysis	always	x13_arima_analysis -> _check_x12 -> _find_x12 calls subprocess.check_call
statsmodels.tsa.x13 x13_arima_select_order	always	x13_arima_select_order -> x13_arima_analysis calls tempfile.NamedTemporaryFile
timm.data.readers.class_map load_class_map	always	load_class_map calls io.open
timm.data.readers.reader_hfds load_class_map	always	load_class_map calls io.open
timm.data.readers.reader_hfids load_class_map	always	load_class_map calls io.open
timm.data.readers.reader_image_folder find_images_and_targets	always	find_images_and_targets calls os.walk
timm.data.readers.reader_image_folder load_class_map	always	load_class_map calls io.open
timm.data.readers.reader_image_in_tar extract_tarinfos	always	extract_tarinfos calls io.open
timm.data.readers.reader_image_in_tar load_class_map	always	load_class_map calls io.open
timm.data.readers.reader_image_tar load_class_map	always	load_class_map calls io.open
timm.data.readers.reader_wds load_class_map	always	load_class_map calls io.open
timm.loss load_class_stats	always	load_class_stats calls io.open
timm.loss load_class_weights	always	load_class_weights calls io.open
timm.loss resolve_class_weights	always	resolve_class_weights -> load_class_weights calls io.open
timm.loss.class_weights load_class_stats	always	load_class_stats calls io.open
timm.loss.class_weights load_class_weights	always	load_class_weights calls io.open
timm.loss.class_weights resolve_class_weights	always	resolve_class_weights -> load_class_weights calls io.open
timm.task load_task_ema_checkpoint	always	load_task_ema_checkpoint -> _load_train_checkpoint calls torch.serialization.load
timm.task resume_task_checkpoint	always	resume_task_checkpoint -> _load_train_checkpoint calls torch.serialization.load
timm.task._helpers _load_train_checkpoint	always	_load_train_checkpoint calls torch.serialization.load
timm.task._helpers load_task_ema_checkpoint	always	load_task_ema_checkpoint -> _load_train_checkpoint calls torch.serialization.load
timm.task._helpers resume_task_checkpoint	always	resume_task_checkpoint -> _load_train_checkpoint calls torch.serialization.load
timm.utils get_outdir	always	get_outdir calls os.makedirs
timm.utils trim_summary	always	trim_summary calls io.open
timm.utils update_summary	always	update_summary calls io.open
timm.utils.summary get_outdir	always	get_outdir calls os.makedirs
timm.utils.summary trim_summary	always	trim_summary calls io.open
timm.utils.summary update_summary	always	update_summary calls io.open
torch _load_global_deps	always	_load_global_deps calls ctypes.CDLL
torch _preload_cuda_deps	always	_preload_cuda_deps -> _preload_cuda_lib calls ctypes.CDLL
torch _preload_cuda_lib	always	_preload_cuda_lib calls ctypes.CDLL
torch load	always	load -> _legacy_load -> mkdtemp calls tempfile.mkdtemp
torch._custom_op.impl custom_op	always	custom_op -> infer_schema calls builtins.eval
torch._custom_op.impl infer_schema	always	infer_schema calls builtins.eval
torch._custom_ops custom_op	always	custom_op -> infer_schema calls builtins.eval
torch._custom_ops infer_schema	always	infer_schema calls builtins.eval
torch._dynamo replay	always	replay calls io.open
torch._dynamo.aot_compile atomic_write_binary	always	atomic_write_binary calls posix.replace
torch._dynamo.backends.common aot_module_simplified	always	aot_module_simplified -> AOTAutogradCache.try_load calls _pickle.loads
torch._dynamo.backends.debugging min_cut_rematerialization_partition	always	min_cut_rematerialization_partition -> choose_saved_values_set -> solve_min_cut calls io.open
torch._dynamo.config default_debug_dir_root	always	default_debug_dir_root calls tempfile.gettempdir
torch._dynamo.convert_frame _compile	always	_compile -> put_code_state -> put_local_code_state calls _pickle.dumps
torch._dynamo.convert_frame cprofile_wrapper	always	cprofile_wrapper calls tempfile.gettempdir
torch._dynamo.convert_frame exception_handler	always	exception_handler -> write_record_to_file calls os.makedirs
torch._dynamo.convert_frame fx_forward_from_src_skip_result	always	_forward_from_src -> _method_from_src -> _exec_with_source calls builtins.exec
torch._dynamo.convert_frame get_and_maybe_log_recompilation_reasons	always	get_and_maybe_log_recompilation_reasons -> get_guard_fail_reason -> get_guard_fail_reason_helper calls builtins.eval
torch._dynamo.convert_frame log_frame_dynamic_whitelist	always	log_frame_dynamic_whitelist -> CodeId.make -> _hash_containing_file calls io.open
torch._dynamo.convert_frame maybe_cprofile	always	maybe_cprofile -> cprofile_wrapper calls tempfile.gettempdir
torch._dynamo.convert_frame original_forward_from_src	always	_forward_from_src -> _method_from_src -> _exec_with_source calls builtins.exec
torch._dynamo.convert_frame preserve_global_state	always	preserve_global_state -> setup_compile_debug -> add_file_handler calls os.makedirs
torch._dynamo.convert_frame put_code_state	always	put_code_state -> put_local_code_state calls _pickle.dumps
torch._dynamo.convert_frame replay	always	replay calls io.open
torch._dynamo.convert_frame setup_compile_debug	always	setup_compile_debug -> add_file_handler calls os.makedirs
torch._dynamo.convert_frame write_record_to_file	always	write_record_to_file calls os.makedirs
torch._dynamo.debug_utils ConfigModule	always	ConfigModule.__setattr__ -> ConfigModule._set_alias_val -> ConfigModule._get_alias_module_and_name calls importlib.import_module
torch._dynamo.debug_utils generate_config_string	always	generate_config_string -> ConfigModule.codegen_config calls builtins.compile
torch._dynamo.debug_utils get_minifier_repro_path	always	get_minifier_repro_path -> minifier_dir calls os.makedirs
torch._dynamo.debug_utils helper_for_dump_minify	always	helper_for_dump_minify -> get_minifier_repro_path -> minifier_dir calls os.makedirs
torch._dynamo.debug_utils minifier_dir	always	minifier_dir calls os.makedirs
torch._dynamo.exc format_graph_break_message	always	format_graph_break_message -> get_gbid_documentation_link -> _load_gb_type_to_gb_id_map calls io.open
torch._dynamo.exc get_gbid_documentation_link	always	get_gbid_documentation_link -> _load_gb_type_to_gb_id_map calls io.open
torch._dynamo.functional_export dynamo_graph_capture_for_export	always	dynamo_graph_capture_for_export calls builtins.exec
torch._dynamo.guards get_and_maybe_log_recompilation_reasons	always	get_and_maybe_log_recompilation_reasons -> get_guard_fail_reason -> get_guard_fail_reason_helper calls builtins.eval
torch._dynamo.guards get_guard_fail_reason	always	get_guard_fail_reason -> get_guard_fail_reason_helper -> recompilation_reason_for_no_tensor_aliasing_guard calls builtins.eval
torch._dynamo.guards get_guard_fail_reason_helper	always	get_guard_fail_reason_helper -> recompilation_reason_for_no_tensor_aliasing_guard calls builtins.eval
torch._dynamo.guards guard_error_hook	always	guard_error_hook calls builtins.eval
torch._dynamo.guards recompilation_reason_for_no_tensor_aliasing_guard	always	recompilation_reason_for_no_tensor_aliasing_guard calls builtins.eval
torch._dynamo.guards report_compile_source_on_error	always	report_compile_source_on_error calls builtins.compile
torch._dynamo.package load_guards_state	always	load_guards_state calls _pickle.loads
torch._dynamo.pgo get_code_state	always	get_code_state -> get_local_code_state calls io.open
torch._dynamo.pgo get_extra_remote_code_state	always	get_extra_remote_code_state -> lookup_remote_cache_entry calls _pickle.loads
torch._dynamo.pgo get_local_code_state	always	get_local_code_state calls io.open
torch._dynamo.pgo get_remote_code_state	always	get_remote_code_state -> lookup_remote_cache_entry calls _pickle.loads
torch._dynamo.pgo log_frame_dynamic_whitelist	always	log_frame_dynamic_whitelist -> CodeId.make -> _hash_containing_file calls io.open
torch._dynamo.pgo lookup_remote_cache_entry	always	lookup_remote_cache_entry calls _pickle.loads
torch._dynamo.pgo put_code_state	always	put_code_state -> put_local_code_state calls _pickle.dumps
torch._dynamo.pgo put_local_code_state	always	put_local_code_state calls _pickle.dumps
torch._dynamo.pgo put_remote_code_state	always	put_remote_code_state calls _pickle.dumps
torch._dynamo.pgo update_automatic_dynamic	always	update_automatic_dynamic -> CodeId.make -> _hash_containing_file calls io.open
torch._dynamo.pgo write_local_impl	always	write_local_impl calls os.makedirs
torch._dynamo.repro.after_aot _build_symbolic_wrapper	always	_build_symbolic_wrapper calls builtins.compile
torch._dynamo.repro.after_aot dump_compiler_graph_state	always	dump_compiler_graph_state -> minifier_dir calls os.makedirs
torch._dynamo.repro.after_aot dump_to_minify	always	dump_to_minify -> helper_for_dump_minify calls io.open
torch._dynamo.repro.after_aot generate_compiler_repro_string	always	generate_compiler_repro_string -> _cuda_system_info_comment calls subprocess.check_output
torch._dynamo.repro.after_aot generate_config_string	always	generate_config_string -> ConfigModule.codegen_config calls builtins.compile
torch._dynamo.repro.after_aot generate_standalone_repro	always	generate_standalone_repro calls io.open
torch._dynamo.repro.after_aot helper_for_dump_minify	always	helper_for_dump_minify -> get_minifier_repro_path -> minifier_dir calls os.makedirs
torch._dynamo.repro.after_aot isolate_fails	always	isolate_fails calls os._Environ.copy
torch._dynamo.repro.after_aot minifier_dir	always	minifier_dir calls os.makedirs
torch._dynamo.repro.after_aot save_graph_repro	always	save_graph_repro -> generate_compiler_repro_string -> _cuda_system_info_comment calls subprocess.check_output
torch._dynamo.repro.after_aot wrap_compiler_debug	always	wrap_compiler_debug -> dump_to_minify -> helper_for_dump_minify calls io.open
torch._dynamo.repro.after_dynamo dump_backend_repro_as_file	always	dump_backend_repro_as_file calls shutil.copyfile
torch._dynamo.repro.after_dynamo dump_backend_state	always	dump_backend_state -> dump_backend_repro_as_file calls shutil.copyfile
torch._dynamo.repro.after_dynamo dump_to_minify_after_dynamo	always	dump_to_minify_after_dynamo -> helper_for_dump_minify calls io.open
torch._dynamo.repro.after_dynamo generate_config_string	always	generate_config_string -> ConfigModule.codegen_config calls builtins.compile
torch._dynamo.repro.after_dynamo generate_dynamo_fx_repro_string	always	generate_dynamo_fx_repro_string -> generate_config_string -> ConfigModule.codegen_config calls builtins.compile
torch._dynamo.repro.after_dynamo helper_for_dump_minify	always	helper_for_dump_minify -> get_minifier_repro_path -> minifier_dir calls os.makedirs
torch._dynamo.repro.after_dynamo minifier_dir	always	minifier_dir calls os.makedirs
torch._dynamo.repro.aoti dump_compiler_graph_state	always	dump_compiler_graph_state -> minifier_dir calls os.makedirs
torch._dynamo.repro.aoti dump_to_minify	always	dump_to_minify -> minifier_dir calls os.makedirs
torch._dynamo.repro.aoti generate_compiler_repro_exported_program	always	generate_compiler_repro_exported_program -> _cuda_system_info_comment calls subprocess.check_output
torch._dynamo.repro.aoti generate_config_string	always	generate_config_string -> ConfigModule.codegen_config calls builtins.compile
torch._dynamo.repro.aoti helper_for_dump_minify	always	helper_for_dump_minify -> get_minifier_repro_path -> minifier_dir calls os.makedirs
torch._dynamo.repro.aoti minifier_dir	always	minifier_dir calls os.makedirs
torch._dynamo.repro.aoti save_graph_repro_ep	always	save_graph_repro_ep -> generate_compiler_repro_exported_program -> _cuda_system_info_comment calls subprocess.check_output
torch._dynamo.tensor_version_op _make_prim	always	_make_prim -> custom_op -> infer_schema calls builtins.eval
torch._dynamo.utils add_file_handler	always	add_file_handler calls os.makedirs
torch._dynamo.utils import_submodule	always	import_submodule calls posix.listdir
torch._dynamo.utils setup_compile_debug	always	setup_compile_debug -> add_file_handler calls os.makedirs
torch._dynamo.utils write_record_to_file	always	write_record_to_file calls os.makedirs
torch._dynamo.variables.memory custom_op	always	custom_op -> infer_schema calls builtins.eval
torch._dynamo.variables.streams custom_op	always	custom_op -> infer_schema calls builtins.eval
torch._export.serde.serialize deserialize_torch_artifact	always	deserialize_torch_artifact calls torch.serialization.load
torch._functorch._activation_offloading.offload_ops custom_op	always	custom_op -> infer_schema calls builtins.eval
torch._functorch._aot_autograd.autograd_cache cache_dir	always	cache_dir calls os.makedirs
torch._functorch._aot_autograd.autograd_cache write_atomic	always	write_atomic calls shutil.copy2
torch._functorch._aot_autograd.codegen _compile_and_exec_source	always	_compile_and_exec_source calls builtins.compile
torch._functorch._aot_autograd.graph_compile _cache_autograd_info	always	_cache_autograd_info -> AOTAutogradCache.save -> AOTAutogradCache._pickle_entry calls _pickle.dumps
torch._functorch._aot_autograd.graph_compile _cache_inference_info	always	_cache_inference_info -> AOTAutogradCache.save -> AOTAutogradCache._pickle_entry calls _pickle.dumps
torch._functorch._aot_autograd.subclass_codegen _compile_and_exec_source	always	_compile_and_exec_source calls builtins.compile
torch._functorch._aot_autograd.subclass_codegen codegen_backward_subclass_fns	always	codegen_backward_subclass_fns -> _compile_and_exec_source calls builtins.compile
torch._functorch._aot_autograd.subclass_codegen codegen_subclass_wrapper	always	codegen_subclass_wrapper -> _compile_and_exec_source calls builtins.compile
torch._functorch.aot_autograd aot_module_simplified	always	aot_module_simplified -> AOTAutogradCache.try_load calls _pickle.loads
torch._functorch.aot_autograd default_partition	always	default_partition -> min_cut_rematerialization_partition -> choose_saved_values_set calls os.makedirs
torch._functorch.benchmark_utils benchmark_utilization	always	benchmark_utilization -> compute_utilization -> get_chrome_trace_events calls io.open
torch._functorch.benchmark_utils compute_utilization	always	compute_utilization -> get_chrome_trace_events calls io.open
torch._functorch.benchmark_utils get_chrome_trace_events	always	get_chrome_trace_events calls io.open
torch._functorch.compilers _save_fx_default	always	_save_fx_default calls os.makedirs
torch._functorch.compilers default_partition	always	default_partition -> min_cut_rematerialization_partition -> choose_saved_values_set calls os.makedirs
torch._functorch.compilers get_inputs	always	get_inputs calls io.open
torch._functorch.compilers min_cut_rematerialization_partition	always	min_cut_rematerialization_partition -> choose_saved_values_set -> solve_min_cut calls io.open
torch._functorch.fx_minifier create_minified_hlo_graph	always	create_minified_hlo_graph calls os.makedirs
torch._functorch.fx_minifier minifier	always	minifier -> create_minified_hlo_graph calls os.makedirs
torch._functorch.partitioners _sync_decision_cross_ranks	always	_sync_decision_cross_ranks -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch._functorch.partitioners choose_saved_values_set	always	choose_saved_values_set -> solve_min_cut -> visualize_min_cut_graph calls io.open
torch._functorch.partitioners default_partition	always	default_partition -> min_cut_rematerialization_partition -> choose_saved_values_set calls os.makedirs
torch._functorch.partitioners min_cut_rematerialization_partition	always	min_cut_rematerialization_partition -> choose_saved_values_set -> solve_min_cut calls io.open
torch._functorch.partitioners solve_min_cut	always	solve_min_cut -> visualize_min_cut_graph calls io.open
torch._functorch.partitioners visualize_min_cut_graph	always	visualize_min_cut_graph calls io.open
torch._higher_order_ops.invoke_leaf_function _resolve_mutated_flat_indices	always	_resolve_mutated_flat_indices calls builtins.eval
torch._higher_order_ops.triton_kernel_wrap triton_kernel_wrapper_mutation_dense	always	triton_kernel_wrapper_mutation_dense calls builtins.exec
torch._inductor load_from_python	always	load_from_python calls builtins.exec
torch._inductor.__autotune_main__ _async_compile_initializer	always	_async_compile_initializer calls posix.close
torch._inductor.__autotune_main__ main	always	main calls os.fdopen
torch._inductor.aoti_eager aoti_compile_with_persistent_cache	always	aoti_compile_with_persistent_cache -> aoti_eager_cache_dir -> cache_dir calls os.makedirs
torch._inductor.aoti_eager aoti_eager_cache_dir	always	aoti_eager_cache_dir -> cache_dir calls os.makedirs
torch._inductor.aoti_eager cache_dir	always	cache_dir calls os.makedirs
torch._inductor.aoti_eager load_aoti_eager_cache	always	load_aoti_eager_cache -> aoti_eager_cache_dir -> cache_dir calls os.makedirs
torch._inductor.async_compile _async_compile_initializer	always	_async_compile_initializer calls posix.close
torch._inductor.async_compile _process_pool_allowed	always	_process_pool_allowed calls multiprocessing.process.current_process
torch._inductor.async_compile _worker_compile_triton	always	_worker_compile_triton -> _set_triton_ptxas_path calls posix.access
torch._inductor.async_compile maybe_warm_pool	always	maybe_warm_pool -> AsyncCompile.warm_pool -> _process_pool_allowed calls multiprocessing.process.current_process
torch._inductor.autoheuristic.autoheuristic cache_dir	always	cache_dir calls os.makedirs
torch._inductor.autoheuristic.autoheuristic get_metadata_str_from_log	always	get_metadata_str_from_log calls io.open
torch._inductor.autoheuristic.autoheuristic_utils get_metadata_str_from_log	always	get_metadata_str_from_log calls io.open
torch._inductor.autotune_process DLLWrapper	always	DLLWrapper.__del__ -> DLLWrapper.close -> DLLWrapper._dlclose calls ctypes.CDLL
torch._inductor.autotune_process write	always	write -> get_path -> cache_dir calls os.makedirs
torch._inductor.bounds cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.choices write_text	always	write_text -> write -> write_atomic calls shutil.copy2
torch._inductor.codecache DLLWrapper	always	DLLWrapper.__del__ -> DLLWrapper.close -> DLLWrapper._dlclose calls ctypes.CDLL
torch._inductor.codecache _reload_python_module	always	_reload_python_module calls io.open
torch._inductor.codecache _worker_task_halide	always	_worker_task_halide calls io.open
torch._inductor.codecache batch_convert_cubins_to_obj	always	batch_convert_cubins_to_obj calls subprocess.run
torch._inductor.codecache build_code_hash	always	build_code_hash calls io.open
torch._inductor.codecache cache_dir	always	cache_dir calls os.makedirs
torch._inductor.codecache convert_cubin_to_obj	always	convert_cubin_to_obj calls subprocess.run
torch._inductor.codecache default_cache_dir	always	default_cache_dir calls tempfile.gettempdir
torch._inductor.codecache get_cpp_compiler	always	get_cpp_compiler -> check_compiler_exist_windows calls subprocess.check_output
torch._inductor.codecache get_device_information	always	get_device_information -> pick_vec_isa -> valid_vec_isa_list calls io.open
torch._inductor.codecache get_lock_dir	always	get_lock_dir -> cache_dir calls os.makedirs
torch._inductor.codecache get_path	always	get_path -> cache_dir calls os.makedirs
torch._inductor.codecache pick_vec_isa	always	pick_vec_isa -> valid_vec_isa_list calls io.open
torch._inductor.codecache run_asm_build_object	always	run_asm_build_object -> run_compile_cmd -> _run_compile_cmd calls subprocess.run
torch._inductor.codecache touch	always	touch calls io.open
torch._inductor.codecache write	always	write -> get_path -> cache_dir calls os.makedirs
torch._inductor.codecache write_atomic	always	write_atomic calls shutil.copy2
torch._inductor.codecache write_text	always	write_text -> write -> write_atomic calls shutil.copy2
torch._inductor.codegen.common ConfigModule	always	ConfigModule.__setattr__ -> ConfigModule._set_alias_val -> ConfigModule._get_alias_module_and_name calls importlib.import_module
torch._inductor.codegen.common Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.cpp CeilDiv	always	CeilDiv.__new__ calls sympy.core.sympify.sympify, code of a library this check does not read
torch._inductor.codegen.cpp CppTile2DOverrides	always	CppTile2DOverrides.__new__ calls V.kernel.broadcast, which this check cannot resolve
torch._inductor.codegen.cpp CppVecOverrides	always	CppVecOverrides.__new__ calls V.kernel.broadcast, which this check cannot resolve
torch._inductor.codegen.cpp cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.codegen.cpp reduction_prefix_array	always	reduction_prefix_array -> is_msvc_cl -> _is_msvc_cl calls subprocess.run
torch._inductor.codegen.cpp_gemm_template create_micro_gemm	always	create_micro_gemm -> pick_vec_isa -> valid_vec_isa_list calls io.open
torch._inductor.codegen.cpp_grouped_gemm_template create_micro_gemm	always	create_micro_gemm -> pick_vec_isa -> valid_vec_isa_list calls io.open
torch._inductor.codegen.cpp_micro_gemm create_micro_gemm	always	create_micro_gemm -> pick_vec_isa -> valid_vec_isa_list calls io.open
torch._inductor.codegen.cpp_micro_gemm pick_vec_isa	always	pick_vec_isa -> valid_vec_isa_list calls io.open
torch._inductor.codegen.cpp_wrapper_gpu cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.codegen.cuda.compile_utils _clone_cutlass_paths	always	_clone_cutlass_paths calls shutil.copytree
torch._inductor.codegen.cuda.compile_utils _cuda_compiler	always	_cuda_compiler -> nvcc_exist calls shutil.which
torch._inductor.codegen.cuda.compile_utils _cuda_lib_options	always	_cuda_lib_options -> use_re_build -> nvcc_exist calls shutil.which
torch._inductor.codegen.cuda.compile_utils cuda_compile_command	always	cuda_compile_command -> use_re_build -> nvcc_exist calls shutil.which
torch._inductor.codegen.cuda.compile_utils use_re_build	always	use_re_build -> nvcc_exist calls shutil.which
torch._inductor.codegen.cutedsl.cutedsl_op_overrides Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.cutedsl.cutedsl_op_overrides Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.cutedsl.cutedsl_scheduling get_path	always	get_path -> cache_dir calls os.makedirs
torch._inductor.codegen.cutlass.cache cache_dir	always	cache_dir calls os.makedirs
torch._inductor.codegen.cutlass.cache get_config_request_key	always	get_config_request_key calls io.open
torch._inductor.codegen.cutlass.scheduling get_path	always	get_path -> cache_dir calls os.makedirs
torch._inductor.codegen.cutlass.utils cache_dir	always	cache_dir calls os.makedirs
torch._inductor.codegen.cutlass.utils gen_ops	always	gen_ops -> _gen_ops_cached -> try_import_cutlass calls os.makedirs
torch._inductor.codegen.cutlass.utils move_cutlass_compiled_cache	always	move_cutlass_compiled_cache calls shutil.move
torch._inductor.codegen.halide Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.halide Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.memory_planning Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.memory_planning cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.codegen.mps Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.mps _embed_headers	always	_embed_headers -> read_file calls io.open
torch._inductor.codegen.multi_kernel cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.codegen.multi_kernel get_path	always	get_path -> cache_dir calls os.makedirs
torch._inductor.codegen.multi_kernel write_atomic	always	write_atomic calls shutil.copy2
torch._inductor.codegen.nv_universal_gemm.nv_universal_gemm_scheduling get_path	always	get_path -> cache_dir calls os.makedirs
torch._inductor.codegen.pallas TorchMax	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.pallas TorchMin	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.rocm.rocm_benchmark_request DLLWrapper	always	DLLWrapper.__del__ -> DLLWrapper.close -> DLLWrapper._dlclose calls ctypes.CDLL
torch._inductor.codegen.rocm.rocm_cpp_scheduling get_path	always	get_path -> cache_dir calls os.makedirs
torch._inductor.codegen.simd cache_property_on_self	always	cache_property_on_self -> cache_on_self calls builtins.exec
torch._inductor.codegen.simd_kernel_features Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.simd_kernel_features cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.codegen.triton CeilDiv	always	CeilDiv.__new__ calls sympy.core.sympify.sympify, code of a library this check does not read
torch._inductor.codegen.triton Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.triton cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.codegen.triton get_path	always	get_path -> cache_dir calls os.makedirs
torch._inductor.codegen.triton write_atomic	always	write_atomic calls shutil.copy2
torch._inductor.codegen.triton_split_scan CeilDiv	always	CeilDiv.__new__ calls sympy.core.sympify.sympify, code of a library this check does not read
torch._inductor.codegen.wrapper Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.wrapper Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.codegen.wrapper cache_dir	always	cache_dir calls os.makedirs
torch._inductor.codegen.wrapper cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.codegen.wrapper_fxir cache_property_on_self	always	cache_property_on_self -> cache_on_self calls builtins.exec
torch._inductor.codegen.xpu.compile_utils _sycl_compiler	always	_sycl_compiler -> icpx_exist calls shutil.which
torch._inductor.codegen.xpu.compile_utils xpu_compile_command	always	xpu_compile_command calls subprocess.list2cmdline
torch._inductor.comm_analysis estimate_nccl_collective_runtime_nccl_estimator	always	estimate_nccl_collective_runtime_nccl_estimator calls builtins.eval
torch._inductor.compile_fx _compile_fx_inner	always	_compile_fx_inner -> save_args_for_compile_fx_inner calls tempfile.gettempdir
torch._inductor.compile_fx cache_dir	always	cache_dir calls os.makedirs
torch._inductor.compile_fx compile_fx_inner	always	compile_fx_inner -> with_fresh_cache_if_config -> fresh_cache calls tempfile.mkdtemp
torch._inductor.compile_fx fresh_cache	always	fresh_cache calls tempfile.mkdtemp
torch._inductor.compile_fx min_cut_rematerialization_partition	always	min_cut_rematerialization_partition -> choose_saved_values_set -> solve_min_cut calls io.open
torch._inductor.compile_fx partition_fn	always	partition_fn -> min_cut_rematerialization_partition -> choose_saved_values_set calls os.makedirs
torch._inductor.compile_fx pre_grad_passes	always	pre_grad_passes -> _run_pre_dispatch_passes -> pass_execution_and_save calls tempfile.NamedTemporaryFile
torch._inductor.compile_fx save_args_for_compile_fx_inner	always	save_args_for_compile_fx_inner calls tempfile.gettempdir
torch._inductor.compile_fx with_fresh_cache_if_config	always	with_fresh_cache_if_config -> fresh_cache calls tempfile.mkdtemp
torch._inductor.compile_fx wrap_compiler_debug	always	wrap_compiler_debug -> dump_to_minify -> helper_for_dump_minify calls io.open
torch._inductor.compile_worker.subproc_pool _async_compile_initializer	always	_async_compile_initializer calls posix.close
torch._inductor.compile_worker.utils _async_compile_initializer	always	_async_compile_initializer calls posix.close
torch._inductor.compile_worker.utils has_parent_changed	always	has_parent_changed calls posix.getppid
torch._inductor.compile_worker.watchdog create	always	create calls multiprocessing.context.DefaultContext.get_context
torch._inductor.compiler_bisector cache_dir	always	cache_dir calls os.makedirs
torch._inductor.compiler_bisector command_line_usage	always	command_line_usage -> cache_dir calls os.makedirs
torch._inductor.cpp_builder _compiler_version_first_line	always	_compiler_version_first_line -> _compiler_version_string calls subprocess.check_output
torch._inductor.cpp_builder _create_msvc_gs_stubs_lib	always	_create_msvc_gs_stubs_lib calls subprocess.run
torch._inductor.cpp_builder _ensure_mingw_cudart_import_lib	always	_ensure_mingw_cudart_import_lib -> _gen_mingw_import_lib calls subprocess.run
torch._inductor.cpp_builder _gen_mingw_import_lib	always	_gen_mingw_import_lib calls subprocess.run
torch._inductor.cpp_builder _get_cpu_arch_cflags	always	_get_cpu_arch_cflags -> _get_linux_aarch64_arch_flag -> _is_gcc_version_less_than calls subprocess.check_output
torch._inductor.cpp_builder _get_openmp_args	always	_get_openmp_args -> is_conda_llvm_openmp_installed calls subprocess.check_output
torch._inductor.cpp_builder _remove_dir	always	_remove_dir calls os.walk
torch._inductor.cpp_builder _run_compile_cmd	always	_run_compile_cmd calls subprocess.run
torch._inductor.cpp_builder batch_convert_cubins_to_obj	always	batch_convert_cubins_to_obj calls subprocess.run
torch._inductor.cpp_builder cache_dir	always	cache_dir calls os.makedirs
torch._inductor.cpp_builder convert_cubin_to_obj	always	convert_cubin_to_obj calls subprocess.run
torch._inductor.cpp_builder get_cpp_compiler	always	get_cpp_compiler -> check_compiler_exist_windows calls subprocess.check_output
torch._inductor.cpp_builder get_cpp_options	always	get_cpp_options -> check_mingw_win32_flavor calls subprocess.check_output
torch._inductor.cpp_builder get_cpp_torch_device_options	always	get_cpp_torch_device_options -> _ensure_mingw_cudart_import_lib -> _gen_mingw_import_lib calls subprocess.run
torch._inductor.cpp_builder get_cpp_torch_options	always	get_cpp_torch_options -> _get_openmp_args -> is_conda_llvm_openmp_installed calls subprocess.check_output
torch._inductor.cpp_builder install_gcc_via_conda	always	install_gcc_via_conda -> cache_dir calls os.makedirs
torch._inductor.cpp_builder run_asm_build_object	always	run_asm_build_object -> run_compile_cmd -> _run_compile_cmd calls subprocess.run
torch._inductor.cpp_builder run_compile_cmd	always	run_compile_cmd -> _run_compile_cmd calls subprocess.run
torch._inductor.cpu_vec_isa pick_vec_isa	always	pick_vec_isa -> valid_vec_isa_list calls io.open
torch._inductor.debug draw_buffers	always	draw_buffers -> has_dot calls shutil.which
torch._inductor.debug enable_aot_logging	always	enable_aot_logging calls os.makedirs
torch._inductor.debug load_args_and_run_compile_fx_inner	always	load_args_and_run_compile_fx_inner calls io.open
torch._inductor.debug save_args_for_compile_fx_inner	always	save_args_for_compile_fx_inner calls tempfile.gettempdir
torch._inductor.debug save_graph_repro	always	save_graph_repro -> generate_compiler_repro_string -> _cuda_system_info_comment calls subprocess.check_output
torch._inductor.distributed_autotune _sync	always	_sync -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch._inductor.fuzzer ConfigModule	always	ConfigModule.__setattr__ -> ConfigModule._set_alias_val -> ConfigModule._get_alias_module_and_name calls importlib.import_module
torch._inductor.fuzzer min_cut_rematerialization_partition	always	min_cut_rematerialization_partition -> choose_saved_values_set -> solve_min_cut calls io.open
torch._inductor.fuzzer visualize_results	always	visualize_results calls io.open
torch._inductor.fx_passes.auto_chunker cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.fx_passes.fuse_attention gen_register_replacement	always	gen_register_replacement -> _serialize_pattern calls io.open
torch._inductor.fx_passes.pad_mm gen_register_replacement	always	gen_register_replacement -> _serialize_pattern calls io.open
torch._inductor.fx_passes.pre_grad _run_pre_dispatch_passes	always	_run_pre_dispatch_passes -> pass_execution_and_save calls tempfile.NamedTemporaryFile
torch._inductor.fx_passes.pre_grad pass_execution_and_save	always	pass_execution_and_save calls tempfile.NamedTemporaryFile
torch._inductor.fx_passes.pre_grad pre_grad_passes	always	pre_grad_passes -> _run_pre_dispatch_passes -> pass_execution_and_save calls tempfile.NamedTemporaryFile
torch._inductor.heuristics.template.triton Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.index_propagation Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.index_propagation Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.ir Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.ir Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.ir cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.ir cache_on_self_and_args	always	cache_on_self_and_args calls builtins.exec
torch._inductor.kernel.flex.aux_vectorization Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.kernel.flex.aux_vectorization Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.kernel.flex.common load_template	always	load_template calls io.open
torch._inductor.kernel.flex.interval_mask_packing Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.kernel.flex.interval_mask_packing Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.kernel.flex_gemm.runtime cache_dir	always	cache_dir calls os.makedirs
torch._inductor.kernel.flex_gemm.runtime inductor_quack_cache_dir	always	inductor_quack_cache_dir -> cache_dir calls os.makedirs
torch._inductor.kernel.flex_gemm.template inductor_quack_cache_dir	always	inductor_quack_cache_dir -> cache_dir calls os.makedirs
torch._inductor.kernel.mm_common load_template	always	load_template calls io.open
torch._inductor.loop_body cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.lowering CeilDiv	always	CeilDiv.__new__ calls sympy.core.sympify.sympify, code of a library this check does not read
torch._inductor.lowering Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.lowering Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.lowering import_submodule	always	import_submodule calls posix.listdir
torch._inductor.metrics purge_old_log_files	always	purge_old_log_files calls posix.unlink
torch._inductor.package load_package	always	load_package -> load_pt2 calls tempfile.NamedTemporaryFile
torch._inductor.package.package compile_so	always	compile_so calls io.open
torch._inductor.package.package load_package	always	load_package -> load_pt2 calls tempfile.NamedTemporaryFile
torch._inductor.package.package load_pt2	always	load_pt2 -> _load_exported_programs -> _load_state_dict calls torch.serialization.load
torch._inductor.package.package package_pt2	always	package_pt2 -> _package_exported_programs -> _package_constants calls _pickle.dumps
torch._inductor.pattern_matcher _serialize_pattern	always	_serialize_pattern calls io.open
torch._inductor.pattern_matcher default_partition	always	default_partition -> min_cut_rematerialization_partition -> choose_saved_values_set calls os.makedirs
torch._inductor.pattern_matcher gen_register_replacement	always	gen_register_replacement -> _serialize_pattern calls io.open
torch._inductor.profiler _add_inductor_provenance	always	_add_inductor_provenance calls io.open
torch._inductor.profiler inductor_trace_handler	always	inductor_trace_handler calls os.makedirs
torch._inductor.rocm_multiarch_utils _sanitize_llvm_ir_for_rocm	always	_sanitize_llvm_ir_for_rocm calls io.open
torch._inductor.rocm_multiarch_utils compile_llvm_ir_to_code_object	always	compile_llvm_ir_to_code_object calls os.makedirs
torch._inductor.rocm_multiarch_utils compile_multiarch_bundle_from_llvm_ir	always	compile_multiarch_bundle_from_llvm_ir -> create_multiarch_bundle calls os.makedirs
torch._inductor.rocm_multiarch_utils create_multiarch_bundle	always	create_multiarch_bundle calls os.makedirs
torch._inductor.runtime.autotune_cache cache_dir	always	cache_dir calls os.makedirs
torch._inductor.runtime.cache_dir_utils cache_dir	always	cache_dir calls os.makedirs
torch._inductor.runtime.cache_dir_utils default_cache_dir	always	default_cache_dir calls tempfile.gettempdir
torch._inductor.runtime.cache_dir_utils triton_cache_dir	always	triton_cache_dir -> cache_dir calls os.makedirs
torch._inductor.runtime.caching.interfaces cache_dir	always	cache_dir calls os.makedirs
torch._inductor.runtime.compile_tasks _reload_python_module	always	_reload_python_module calls io.open
torch._inductor.runtime.compile_tasks _worker_compile_triton	always	_worker_compile_triton -> _set_triton_ptxas_path calls posix.access
torch._inductor.runtime.cutedsl_cache _make_disk_key	always	_make_disk_key calls _pickle.dumps
torch._inductor.runtime.cutedsl_cache disk_cache_get	always	disk_cache_get -> _make_disk_key calls _pickle.dumps
torch._inductor.runtime.cutedsl_cache disk_cache_set	always	disk_cache_set -> _make_disk_key calls _pickle.dumps
torch._inductor.runtime.proton_utils _read_trace	always	_read_trace calls io.open
torch._inductor.runtime.proton_utils process_proton_trace	always	process_proton_trace calls os.makedirs
torch._inductor.runtime.runtime_utils cache_dir	always	cache_dir calls os.makedirs
torch._inductor.runtime.runtime_utils default_cache_dir	always	default_cache_dir calls tempfile.gettempdir
torch._inductor.runtime.runtime_utils triton_cache_dir	always	triton_cache_dir -> cache_dir calls os.makedirs
torch._inductor.runtime.static_triton_launcher StaticallyLaunchedCudaKernel	always	StaticallyLaunchedCudaKernel.__del__ -> StaticallyLaunchedTritonKernel.close calls self.modules.values, a method of an object from the instance's state
torch._inductor.runtime.static_triton_launcher StaticallyLaunchedTritonKernel	always	StaticallyLaunchedTritonKernel.__del__ -> StaticallyLaunchedTritonKernel.close calls self.modules.values, a method of an object from the instance's state
torch._inductor.runtime.triton_heuristics StaticallyLaunchedCudaKernel	always	StaticallyLaunchedCudaKernel.__del__ -> StaticallyLaunchedTritonKernel.close calls self.modules.values, a method of an object from the instance's state
torch._inductor.runtime.triton_heuristics _dump_launch_params	always	_dump_launch_params calls io.open
torch._inductor.runtime.triton_heuristics _dump_launch_tensors	always	_dump_launch_tensors calls os.makedirs
torch._inductor.runtime.triton_heuristics cache_dir	always	cache_dir calls os.makedirs
torch._inductor.runtime.triton_heuristics end_graph	always	end_graph calls io.open
torch._inductor.runtime.triton_heuristics triton_cache_dir	always	triton_cache_dir -> cache_dir calls os.makedirs
torch._inductor.runtime.triton_lazy_compile start_kernel_compile	always	start_kernel_compile calls builtins.eval
torch._inductor.scheduler cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.scheduler cache_on_self_and_args	always	cache_on_self_and_args calls builtins.exec
torch._inductor.scheduler estimate_nccl_collective_runtime_nccl_estimator	always	estimate_nccl_collective_runtime_nccl_estimator calls builtins.eval
torch._inductor.select_algorithm CeilDiv	always	CeilDiv.__new__ calls sympy.core.sympify.sympify, code of a library this check does not read
torch._inductor.select_algorithm Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.select_algorithm Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.select_algorithm append_to_log	always	append_to_log calls io.open
torch._inductor.sizevars Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.sizevars Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.standalone_compile load_from_python	always	load_from_python calls builtins.exec
torch._inductor.triton_bundler triton_cache_dir	always	triton_cache_dir -> cache_dir calls os.makedirs
torch._inductor.utils CeilDiv	always	CeilDiv.__new__ calls sympy.core.sympify.sympify, code of a library this check does not read
torch._inductor.utils Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch._inductor.utils cache_on_self	always	cache_on_self calls builtins.exec
torch._inductor.utils cache_on_self_and_args	always	cache_on_self_and_args calls builtins.exec
torch._inductor.utils cache_property_on_self	always	cache_property_on_self -> cache_on_self calls builtins.exec
torch._inductor.utils fresh_cache	always	fresh_cache calls tempfile.mkdtemp
torch._inductor.utils load_template	always	load_template calls io.open
torch._inductor.utils pass_execution_and_save	always	pass_execution_and_save calls tempfile.NamedTemporaryFile
torch._inductor.wrapper_benchmark collect_memory_snapshot	always	collect_memory_snapshot -> _dump_snapshot calls io.open
torch._inductor.wrapper_benchmark compiled_module_main	always	compiled_module_main -> collect_memory_snapshot -> _dump_snapshot calls io.open
torch._inductor.wrapper_benchmark ncu_analyzer	always	ncu_analyzer calls tempfile.gettempdir
torch._library triton_op	always	triton_op -> custom_op -> infer_schema calls builtins.eval
torch._library.custom_ops custom_op	always	custom_op -> infer_schema calls builtins.eval
torch._library.fake_profile load_op_profiles	always	load_op_profiles calls io.open
torch._library.fake_profile save_op_profiles	always	save_op_profiles calls io.open
torch._library.infer_schema infer_schema	always	infer_schema calls builtins.eval
torch._library.triton custom_op	always	custom_op -> infer_schema calls builtins.eval
torch._library.triton infer_schema	always	infer_schema calls builtins.eval
torch._library.triton triton_op	always	triton_op -> custom_op -> infer_schema calls builtins.eval
torch._precompile _make_inlined_forward	always	_make_inlined_forward calls builtins.exec
torch._prims _make_prim	always	_make_prim -> custom_op -> infer_schema calls builtins.eval
torch._prims.rng_prims register_rng_prim	always	register_rng_prim -> custom_op -> infer_schema calls builtins.eval
torch._strobelight.cli_function_profiler _pid_namespace	always	_pid_namespace -> _pid_namespace_link calls posix.readlink
torch._strobelight.cli_function_profiler _pid_namespace_link	always	_pid_namespace_link calls posix.readlink
torch._strobelight.compile_time_profiler get_fburl	always	get_fburl calls subprocess.run
torch._strobelight.compile_time_profiler get_strobelight_url	always	get_strobelight_url -> get_fburl calls subprocess.run
torch._utils _augment_memory_snapshot_stack_traces	always	_augment_memory_snapshot_stack_traces calls io.open
torch._utils _torch_putenv	always	_torch_putenv calls os._fscodec.<locals>.fsdecode
torch._utils _torch_unsetenv	always	_torch_unsetenv calls os._fscodec.<locals>.fsdecode
torch._utils_internal get_writable_path	always	get_writable_path calls posix.access
torch._vendor.quack.bench.bench_utils run_and_print	always	run_and_print calls os.makedirs
torch._vendor.quack.cute_dsl_elf_fix patch	always	patch calls io.open
torch._weights_only_unpickler get_globals_in_pkl	always	get_globals_in_pkl calls _pickle.UnpicklingError
torch.accelerator.memory _snapshot	always	_snapshot -> _snapshot -> _augment_memory_snapshot_stack_traces calls io.open
torch.backends.xeon.run_cpu main	always	main calls os.makedirs
torch.cuda GreenContext	always	GreenContext.__del__ -> _check_cuda_bindings calls cuda.bindings.driver.cuGetErrorString, code of a library this check does not read
torch.cuda export_graph_data	always	export_graph_data calls io.open
torch.cuda._annotate_cuda_graph_trace load_trace	always	load_trace calls io.open
torch.cuda._annotate_cuda_graph_trace main	always	main -> load_trace calls io.open
torch.cuda._annotate_cuda_graph_trace save_trace	always	save_trace calls io.open
torch.cuda._memory_viz _format_viz	always	_format_viz calls _pickle.dumps
torch.cuda._memory_viz compare	always	compare -> format_flamegraph calls os.makedirs
torch.cuda._memory_viz format_flamegraph	always	format_flamegraph calls os.makedirs
torch.cuda._memory_viz memory	always	memory -> format_flamegraph calls os.makedirs
torch.cuda._memory_viz profile_plot	always	profile_plot -> _format_viz calls _pickle.dumps
torch.cuda._memory_viz segment_plot	always	segment_plot -> _format_viz calls _pickle.dumps
torch.cuda._memory_viz segments	always	segments -> format_flamegraph calls os.makedirs
torch.cuda._memory_viz trace_plot	always	trace_plot -> _format_viz calls _pickle.dumps
torch.cuda._sanitizer CUDASanitizer	always	CUDASanitizer.__del__ -> CUDASanitizer.disable calls self.dispatch.__exit__, a method of an object from the instance's state
torch.cuda._utils _check_cuda	always	_check_cuda -> _get_gpu_runtime_library -> _get_hip_runtime_library calls ctypes.CDLL
torch.cuda._utils _cuda_load_module	always	_cuda_load_module -> _get_gpu_runtime_library -> _get_hip_runtime_library calls ctypes.CDLL
torch.cuda._utils _get_cuda_library	always	_get_cuda_library calls ctypes.CDLL
torch.cuda._utils _get_gpu_rtc_library	always	_get_gpu_rtc_library -> _get_hiprtc_library calls ctypes.CDLL
torch.cuda._utils _get_gpu_runtime_library	always	_get_gpu_runtime_library -> _get_hip_runtime_library calls ctypes.CDLL
torch.cuda._utils _get_hip_runtime_library	always	_get_hip_runtime_library calls ctypes.CDLL
torch.cuda._utils _get_hiprtc_library	always	_get_hiprtc_library calls ctypes.CDLL
torch.cuda._utils _get_nvrtc_library	always	_get_nvrtc_library calls ctypes.CDLL
torch.cuda._utils _nvrtc_compile	always	_nvrtc_compile -> _get_gpu_rtc_library -> _get_hiprtc_library calls ctypes.CDLL
torch.cuda.gds GdsFile	always	GdsFile.__del__ calls posix.close
torch.cuda.graphs _resolve_host_fn_name	always	_resolve_host_fn_name calls ctypes.CDLL
torch.cuda.graphs export_graph_data	always	export_graph_data calls io.open
torch.cuda.green_contexts GreenContext	always	GreenContext.__del__ -> _check_cuda_bindings calls cuda.bindings.driver.cuGetErrorString, code of a library this check does not read
torch.cuda.memory _augment_memory_snapshot_stack_traces	always	_augment_memory_snapshot_stack_traces calls io.open
torch.cuda.memory _dump_snapshot	always	_dump_snapshot -> _snapshot -> _augment_memory_snapshot_stack_traces calls io.open
torch.cuda.memory _memory	always	memory -> format_flamegraph calls os.makedirs
torch.cuda.memory _save_memory_usage	always	_save_memory_usage -> _snapshot -> _augment_memory_snapshot_stack_traces calls io.open
torch.cuda.memory _save_segment_usage	always	_save_segment_usage -> _snapshot -> _augment_memory_snapshot_stack_traces calls io.open
torch.cuda.memory _segments	always	segments -> format_flamegraph calls os.makedirs
torch.cuda.memory _snapshot	always	_snapshot -> _augment_memory_snapshot_stack_traces calls io.open
torch.cuda.tunable _gather_tunableop_results	always	_gather_tunableop_results calls io.open
torch.cuda.tunable _gather_unique_untuned_gemm_from_files	always	_gather_unique_untuned_gemm_from_files calls io.open
torch.cuda.tunable mgpu_tune_gemm_in_file	always	mgpu_tune_gemm_in_file -> _gather_unique_untuned_gemm_from_files calls io.open
torch.cuda.tunable tune_gemm_in_file	always	tune_gemm_in_file calls io.open
torch.distributed _create_store_from_options	always	_create_store_from_options -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed _make_distributed_pdb	always	_make_distributed_pdb calls io.open
torch.distributed all_gather_object	always	all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed breakpoint	always	breakpoint -> _make_distributed_pdb calls io.open
torch.distributed broadcast_object_list	always	broadcast_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed gather_object	always	gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed init_process_group	always	init_process_group -> rendezvous -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed recv_object_list	always	recv_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed rendezvous	always	rendezvous -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed scatter_object_list	always	scatter_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed send_object_list	always	send_object_list -> _object_to_tensor calls _pickle.Pickler
torch.distributed._shard _shard_tensor	always	_shard_tensor -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed._shard.api ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.api _shard_tensor	always	_shard_tensor -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed._shard.checkpoint._async_process_executor _AsyncCheckpointProcess	always	_AsyncCheckpointProcess.__del__ calls self._save_process.is_alive, a method of an object from the instance's state
torch.distributed._shard.checkpoint._async_process_executor _get_fq_hostname	always	_get_fq_hostname calls socket.getfqdn
torch.distributed._shard.checkpoint._async_process_executor get_free_port	always	get_free_port -> get_socket_with_port calls socket.getaddrinfo
torch.distributed._shard.checkpoint._consolidate_hf_safetensors _consolidate_safetensors_files	always	_consolidate_safetensors_files -> _write_metadata calls io.open
torch.distributed._shard.checkpoint._consolidate_hf_safetensors _process_output_file	always	_process_output_file calls io.open
torch.distributed._shard.checkpoint._consolidate_hf_safetensors _write_data	always	_write_data -> _process_output_file calls io.open
torch.distributed._shard.checkpoint._consolidate_hf_safetensors _write_metadata	always	_write_metadata calls io.open
torch.distributed._shard.checkpoint._consolidate_hf_safetensors _write_overall_metadata_file	always	_write_overall_metadata_file calls io.open
torch.distributed._shard.checkpoint._consolidate_hf_safetensors consolidate_safetensors_files	always	consolidate_safetensors_files -> _consolidate_safetensors_files -> _write_metadata calls io.open
torch.distributed._shard.checkpoint._consolidate_hf_safetensors consolidate_safetensors_files_on_every_rank	always	consolidate_safetensors_files_on_every_rank -> _consolidate_safetensors_files -> _write_metadata calls io.open
torch.distributed._shard.checkpoint._pg_transport ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.checkpoint._sharded_tensor_utils ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.checkpoint._traverse ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.checkpoint.filesystem _write_files_from_queue	always	_write_files_from_queue calls posix.fsync
torch.distributed._shard.checkpoint.format_utils torch_save_to_dcp	always	torch_save_to_dcp calls torch.serialization.load
torch.distributed._shard.checkpoint.hf_storage consolidate_safetensors_files	always	consolidate_safetensors_files -> _consolidate_safetensors_files -> _write_metadata calls io.open
torch.distributed._shard.checkpoint.optimizer ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.checkpoint.planner_helpers ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.checkpoint.state_dict ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.checkpoint.state_dict _broadcast_state_dict	always	_broadcast_state_dict -> broadcast_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed._shard.checkpoint.utils ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.checkpoint.utils _all_gather_keys	always	_all_gather_keys -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed._shard.sharded_optim ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharded_optim.api ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharded_tensor ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharded_tensor._ops._common ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharded_tensor._ops.binary_cmp ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharded_tensor._ops.tensor_ops ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharded_tensor.api ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharding_spec.chunk_sharding_spec_ops._common ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharding_spec.chunk_sharding_spec_ops.embedding ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._shard.sharding_spec.chunk_sharding_spec_ops.embedding_bag ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._sharded_tensor._ops._common ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._sharded_tensor._ops.binary_cmp ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._sharded_tensor._ops.tensor_ops ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._sharded_tensor.api ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._sharding_spec.chunk_sharding_spec_ops._common ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._sharding_spec.chunk_sharding_spec_ops.embedding ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._sharding_spec.chunk_sharding_spec_ops.embedding_bag ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._state_dict_utils ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed._state_dict_utils _broadcast_state_dict	always	_broadcast_state_dict -> broadcast_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed._symmetric_memory._nvshmem_triton requires_nvshmem	always	requires_nvshmem -> NvshmemLibFinder.find_device_library calls subprocess.run
torch.distributed._token_switch _import_nccl_ep	always	_import_nccl_ep -> _prepare_nccl4py calls os._Environ.setdefault
torch.distributed._token_switch _prepare_nccl4py	always	_prepare_nccl4py calls os._Environ.setdefault
torch.distributed.checkpoint._async_process_executor _AsyncCheckpointProcess	always	_AsyncCheckpointProcess.__del__ calls self._save_process.is_alive, a method of an object from the instance's state
torch.distributed.checkpoint._async_process_executor _get_fq_hostname	always	_get_fq_hostname calls socket.getfqdn
torch.distributed.checkpoint._async_process_executor get_free_port	always	get_free_port -> get_socket_with_port calls socket.getaddrinfo
torch.distributed.checkpoint._consolidate_hf_safetensors _consolidate_safetensors_files	always	_consolidate_safetensors_files -> _write_metadata calls io.open
torch.distributed.checkpoint._consolidate_hf_safetensors _process_output_file	always	_process_output_file calls io.open
torch.distributed.checkpoint._consolidate_hf_safetensors _write_data	always	_write_data -> _process_output_file calls io.open
torch.distributed.checkpoint._consolidate_hf_safetensors _write_metadata	always	_write_metadata calls io.open
torch.distributed.checkpoint._consolidate_hf_safetensors _write_overall_metadata_file	always	_write_overall_metadata_file calls io.open
torch.distributed.checkpoint._consolidate_hf_safetensors consolidate_safetensors_files	always	consolidate_safetensors_files -> _consolidate_safetensors_files -> _write_metadata calls io.open
torch.distributed.checkpoint._consolidate_hf_safetensors consolidate_safetensors_files_on_every_rank	always	consolidate_safetensors_files_on_every_rank -> _consolidate_safetensors_files -> _write_metadata calls io.open
torch.distributed.checkpoint._pg_transport ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.checkpoint._sharded_tensor_utils ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.checkpoint._traverse ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.checkpoint.filesystem _write_files_from_queue	always	_write_files_from_queue calls posix.fsync
torch.distributed.checkpoint.format_utils torch_save_to_dcp	always	torch_save_to_dcp calls torch.serialization.load
torch.distributed.checkpoint.hf_storage consolidate_safetensors_files	always	consolidate_safetensors_files -> _consolidate_safetensors_files -> _write_metadata calls io.open
torch.distributed.checkpoint.optimizer ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.checkpoint.planner_helpers ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.checkpoint.state_dict ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.checkpoint.state_dict _broadcast_state_dict	always	_broadcast_state_dict -> broadcast_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed.checkpoint.utils ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.checkpoint.utils _all_gather_keys	always	_all_gather_keys -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.collective_utils all_gather_object_enforce_type	always	all_gather_object_enforce_type -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.collective_utils broadcast	always	broadcast -> broadcast_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed.debug start_debug_server	always	start_debug_server calls multiprocessing.context.DefaultContext.get_context
torch.distributed.debug._handlers _torch_profile	always	_torch_profile calls tempfile.NamedTemporaryFile
torch.distributed.device_mesh init_process_group	always	init_process_group -> rendezvous -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed.distributed_c10d _object_to_tensor	always	_object_to_tensor calls _pickle.Pickler
torch.distributed.distributed_c10d _tensor_to_object	always	_tensor_to_object calls torch.serialization.load
torch.distributed.distributed_c10d all_gather_object	always	all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.distributed_c10d broadcast_object_list	always	broadcast_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed.distributed_c10d gather_object	always	gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.distributed_c10d init_process_group	always	init_process_group -> rendezvous -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed.distributed_c10d recv_object_list	always	recv_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed.distributed_c10d rendezvous	always	rendezvous -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed.distributed_c10d scatter_object_list	always	scatter_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed.distributed_c10d send_object_list	always	send_object_list -> _object_to_tensor calls _pickle.Pickler
torch.distributed.elastic.agent.server.api _get_fq_hostname	always	_get_fq_hostname calls socket.getfqdn
torch.distributed.elastic.agent.server.local_elastic_agent read_proc_state	always	read_proc_state calls io.open
torch.distributed.elastic.events construct_and_record_rdzv_event	always	construct_and_record_rdzv_event calls socket.getfqdn
torch.distributed.elastic.multiprocessing.api _maybe_wrap_with_numa_binding	always	_maybe_wrap_with_numa_binding -> _maybe_apply_numa_binding_to_current_process -> _bind_all_threads_in_current_process_to_logical_cpus calls posix.sched_setaffinity
torch.distributed.elastic.multiprocessing.redirects get_libc	always	get_libc calls ctypes.CDLL
torch.distributed.elastic.multiprocessing.redirects redirect	always	redirect calls posix.dup2
torch.distributed.elastic.multiprocessing.subprocess_handler.subprocess_handler _maybe_wrap_command_args_with_numa_binding	always	_maybe_wrap_command_args_with_numa_binding -> _get_validated_logical_cpus_to_bind_to -> _raise_if_binding_invalid calls shutil.which
torch.distributed.elastic.multiprocessing.tail_log tail_logfile	always	tail_logfile calls io.open
torch.distributed.elastic.rendezvous.api get_free_port	always	get_free_port -> get_socket_with_port calls socket.getaddrinfo
torch.distributed.elastic.rendezvous.c10d_rendezvous_backend _create_file_store	always	_create_file_store calls tempfile.mkstemp
torch.distributed.elastic.rendezvous.c10d_rendezvous_backend _create_tcp_store	always	_create_tcp_store -> _matches_machine_hostname calls _socket.gethostname
torch.distributed.elastic.rendezvous.c10d_rendezvous_backend _matches_machine_hostname	always	_matches_machine_hostname calls _socket.gethostname
torch.distributed.elastic.rendezvous.c10d_rendezvous_backend construct_and_record_rdzv_event	always	construct_and_record_rdzv_event calls socket.getfqdn
torch.distributed.elastic.rendezvous.c10d_rendezvous_backend create_backend	always	create_backend -> _create_file_store calls tempfile.mkstemp
torch.distributed.elastic.rendezvous.dynamic_rendezvous construct_and_record_rdzv_event	always	construct_and_record_rdzv_event calls socket.getfqdn
torch.distributed.elastic.rendezvous.dynamic_rendezvous create_handler	always	create_handler -> construct_and_record_rdzv_event calls socket.getfqdn
torch.distributed.elastic.rendezvous.etcd_rendezvous EtcdRendezvous	always	EtcdRendezvous.__del__ calls self._lease_run_id_stop.set, a method of an object from the instance's state
torch.distributed.elastic.rendezvous.etcd_server find_free_port	always	find_free_port calls socket.getaddrinfo
torch.distributed.elastic.rendezvous.etcd_server stop_etcd	always	stop_etcd calls shutil.rmtree
torch.distributed.elastic.rendezvous.registry _create_c10d_handler	always	_create_c10d_handler -> create_handler -> construct_and_record_rdzv_event calls socket.getfqdn
torch.distributed.elastic.rendezvous.registry _create_etcd_v2_handler	always	_create_etcd_v2_handler -> create_handler -> construct_and_record_rdzv_event calls socket.getfqdn
torch.distributed.elastic.rendezvous.registry create_handler	always	create_handler -> construct_and_record_rdzv_event calls socket.getfqdn
torch.distributed.elastic.rendezvous.utils _matches_machine_hostname	always	_matches_machine_hostname calls _socket.gethostname
torch.distributed.elastic.utils get_socket_with_port	always	get_socket_with_port calls socket.getaddrinfo
torch.distributed.elastic.utils.api get_socket_with_port	always	get_socket_with_port calls socket.getaddrinfo
torch.distributed.elastic.utils.distributed create_c10d_store	always	create_c10d_store -> get_free_port -> get_socket_with_port calls socket.getaddrinfo
torch.distributed.elastic.utils.distributed get_free_port	always	get_free_port -> get_socket_with_port calls socket.getaddrinfo
torch.distributed.elastic.utils.distributed get_socket_with_port	always	get_socket_with_port calls socket.getaddrinfo
torch.distributed.elastic.utils.process_state read_proc_state	always	read_proc_state calls io.open
torch.distributed.flight_recorder.components.loader read_dir	always	read_dir calls os.walk
torch.distributed.flight_recorder.components.loader read_dump	always	read_dump calls io.open
torch.distributed.flight_recorder.fr_trace main	always	main -> read_dir calls os.walk
torch.distributed.flight_recorder.fr_trace read_dir	always	read_dir calls os.walk
torch.distributed.fsdp._fsdp_extensions ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.fsdp._optim_utils _allgather_state_info	always	_allgather_state_info -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.fsdp._optim_utils _broadcast_processed_state	always	_broadcast_processed_state -> broadcast_object_list -> _tensor_to_object calls torch.serialization.load
torch.distributed.fsdp._optim_utils _check_missing_keys_on_rank	always	_check_missing_keys_on_rank -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.fsdp._optim_utils _map_param_key_to_optim_keys	always	_map_param_key_to_optim_keys -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.fsdp._shard_utils ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.fsdp._state_dict_utils ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.nn.api.remote_module _recursive_script_module_receiver	always	_recursive_script_module_receiver calls torch.jit._serialization.load
torch.distributed.optim.named_optimizer ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.distributed.optim.zero_redundancy_optimizer _broadcast_object	always	_broadcast_object calls torch.serialization.load
torch.distributed.pipelining.schedules _dump_chrometrace	always	_dump_chrometrace calls io.open
torch.distributed.rendezvous _create_store_from_options	always	_create_store_from_options -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed.rendezvous _env_rendezvous_handler	always	_env_rendezvous_handler calls urllib.parse.urlparse
torch.distributed.rendezvous _file_rendezvous_handler	always	_file_rendezvous_handler calls urllib.parse.urlparse
torch.distributed.rendezvous _rendezvous_helper	always	_rendezvous_helper calls urllib.parse.urlparse
torch.distributed.rendezvous _tcp_rendezvous_handler	always	_tcp_rendezvous_handler calls urllib.parse.urlparse
torch.distributed.rendezvous rendezvous	always	rendezvous -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed.rpc init_rpc	always	init_rpc -> _create_store_from_options -> _rendezvous_helper calls urllib.parse.urlparse
torch.distributed.rpc remote	always	remote -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.rpc rpc_async	always	rpc_async -> _invoke_rpc -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.rpc rpc_sync	always	rpc_sync -> _invoke_rpc -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.rpc.api _invoke_rpc	always	_invoke_rpc -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.rpc.api remote	always	remote -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.rpc.api rpc_async	always	rpc_async -> _invoke_rpc -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.rpc.api rpc_sync	always	rpc_sync -> _invoke_rpc -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.rpc.backend_registry _tensorpipe_exchange_and_check_all_device_maps	always	_tensorpipe_exchange_and_check_all_device_maps -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.rpc.internal deserialize	always	deserialize -> _InternalRPCPickler.deserialize calls _pickle.Unpickler
torch.distributed.rpc.internal serialize	always	serialize -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.rpc.rref_proxy rpc_async	always	rpc_async -> _invoke_rpc -> _InternalRPCPickler.serialize calls _pickle.Pickler
torch.distributed.tensor._api check_tensor_meta	always	check_tensor_meta -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.tensor._collective_utils check_tensor_meta	always	check_tensor_meta -> all_gather_object -> _object_to_tensor calls _pickle.Pickler
torch.distributed.tensor.debug._op_coverage print_op_coverage_summary	always	print_op_coverage_summary calls io.open
torch.distributed.tensor.parallel.fsdp ShardedTensor	always	ShardedTensor.__setstate__ -> get_world_size -> _get_group_size calls group.size, which this check cannot resolve
torch.export._draft_export get_loc	always	get_loc calls io.open
torch.export._unlift _convert_guards_code_to_fn	always	_convert_guards_code_to_fn calls builtins.exec
torch.export._unlift _unlift_exported_program_lifted_states	always	_unlift_exported_program_lifted_states -> _convert_guards_code_to_fn calls builtins.exec
torch.export.pt2_archive._package _load_constants	always	_load_constants calls torch.serialization.load
torch.export.pt2_archive._package _load_exported_programs	always	_load_exported_programs -> _load_state_dict calls torch.serialization.load
torch.export.pt2_archive._package _load_state_dict	always	_load_state_dict calls torch.serialization.load
torch.export.pt2_archive._package _package_constants	always	_package_constants calls _pickle.dumps
torch.export.pt2_archive._package _package_exported_programs	always	_package_exported_programs -> _package_constants calls _pickle.dumps
torch.export.pt2_archive._package load_pt2	always	load_pt2 -> _load_exported_programs -> _load_state_dict calls torch.serialization.load
torch.export.pt2_archive._package package_pt2	always	package_pt2 -> _package_exported_programs -> _package_constants calls _pickle.dumps
torch.fx.experimental.proxy_tensor fake_signature	always	fake_signature calls builtins.eval
torch.fx.experimental.schema_type_annotation _torchscript_type_to_python_type	always	_torchscript_type_to_python_type calls builtins.eval
torch.fx.experimental.symbolic_shapes Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.fx.experimental.symbolic_shapes Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.fx.graph_module _exec_with_source	always	_exec_with_source calls builtins.exec
torch.fx.graph_module _forward_from_src	always	_forward_from_src -> _method_from_src -> _exec_with_source calls builtins.exec
torch.fx.graph_module _method_from_src	always	_method_from_src -> _exec_with_source calls builtins.exec
torch.fx.operator_schemas _torchscript_schema_to_signature	always	_torchscript_schema_to_signature -> _torchscript_schema_to_signature_impl -> _torchscript_type_to_python_type calls builtins.eval
torch.fx.operator_schemas _torchscript_schema_to_signature_impl	always	_torchscript_schema_to_signature_impl -> _torchscript_type_to_python_type calls builtins.eval
torch.fx.operator_schemas _torchscript_type_to_python_type	always	_torchscript_type_to_python_type calls builtins.eval
torch.hub _check_repo_is_trusted	always	_check_repo_is_trusted calls io.open
torch.hub _get_cache_or_reload	always	_get_cache_or_reload calls os.makedirs
torch.hub _legacy_zip_load	always	_legacy_zip_load calls torch.serialization.load
torch.hub _parse_repo_info	always	_parse_repo_info calls urllib.request.urlopen
torch.hub _read_url	always	_read_url calls urllib.request.urlopen
torch.hub _remove_if_exists	always	_remove_if_exists calls posix.remove
torch.hub _validate_not_a_forked_repo	always	_validate_not_a_forked_repo -> _read_url calls urllib.request.urlopen
torch.hub download_url_to_file	always	download_url_to_file calls urllib.request.Request
torch.hub help	always	help -> _get_cache_or_reload calls os.makedirs
torch.hub list	always	list -> _get_cache_or_reload calls os.makedirs
torch.hub load	always	load -> _get_cache_or_reload calls os.makedirs
torch.hub load_state_dict_from_url	always	load_state_dict_from_url calls os.makedirs
torch.jit._script _reduce	always	_reduce calls _pickle.PickleError
torch.jit._serialization get_flatbuffer_module_info	always	get_flatbuffer_module_info calls io.open
torch.jit.annotations _eval_no_call	always	_eval_no_call calls builtins.compile
torch.jit.annotations get_signature	always	get_signature -> parse_type_line -> _eval_no_call calls builtins.compile
torch.jit.annotations parse_type_line	always	parse_type_line -> _eval_no_call calls builtins.compile
torch.jit.frontend build_ignore_context_manager	always	build_ignore_context_manager calls builtins.exec
torch.jit.unsupported_tensor_ops _gen_unsupported_methods_properties	always	_gen_unsupported_methods_properties -> execWrapper calls builtins.exec
torch.jit.unsupported_tensor_ops _list_unsupported_tensor_ops	always	_list_unsupported_tensor_ops -> _gen_unsupported_methods_properties -> execWrapper calls builtins.exec
torch.jit.unsupported_tensor_ops execWrapper	always	execWrapper calls builtins.exec
torch.library custom_op	always	custom_op -> infer_schema calls builtins.eval
torch.library infer_schema	always	infer_schema calls builtins.eval
torch.library triton_op	always	triton_op -> custom_op -> infer_schema calls builtins.eval
torch.multiprocessing init_reductions	always	init_reductions calls multiprocessing.reduction.ForkingPickler.register
torch.multiprocessing spawn	always	spawn -> start_processes calls multiprocessing.context.DefaultContext.get_context
torch.multiprocessing start_processes	always	start_processes calls multiprocessing.context.DefaultContext.get_context
torch.multiprocessing._atfork _register	always	_register calls posix.register_at_fork
torch.multiprocessing._atfork register_after_fork	always	register_after_fork -> _register calls posix.register_at_fork
torch.multiprocessing.pool clean_worker	always	clean_worker calls multiprocessing.pool.worker
torch.multiprocessing.reductions SharedCache	call	SharedCache.__init__ calls multiprocessing.util.register_after_fork
torch.multiprocessing.reductions fd_id	always	fd_id calls posix.fstat
torch.multiprocessing.reductions init_reductions	always	init_reductions calls multiprocessing.reduction.ForkingPickler.register
torch.multiprocessing.reductions rebuild_storage_fd	always	rebuild_storage_fd calls posix.close
torch.multiprocessing.reductions reduce_storage	always	reduce_storage calls multiprocessing.reduction.DupFd
torch.multiprocessing.spawn _wrap	always	_wrap calls io.open
torch.multiprocessing.spawn spawn	always	spawn -> start_processes calls multiprocessing.context.DefaultContext.get_context
torch.multiprocessing.spawn start_processes	always	start_processes calls multiprocessing.context.DefaultContext.get_context
torch.nativert.backends._lower_utils package_pt2	always	package_pt2 -> _package_exported_programs -> _package_constants calls _pickle.dumps
torch.numa.binding _bind_all_threads_in_current_process_to_logical_cpus	always	_bind_all_threads_in_current_process_to_logical_cpus calls posix.sched_setaffinity
torch.numa.binding _core_complex_get_logical_cpus_to_bind_to	always	_core_complex_get_logical_cpus_to_bind_to -> _get_numa_node_index_for_device_index calls io.open
torch.numa.binding _exclusive_get_logical_cpus_to_bind_to	always	_exclusive_get_logical_cpus_to_bind_to -> _get_numa_node_index_for_device_index calls io.open
torch.numa.binding _get_allowed_logical_cpu_indices_for_numa_node	always	_get_allowed_logical_cpu_indices_for_numa_node -> _get_cpu_indices_for_numa_node_MAYBE_NOT_ALLOWED calls io.open
torch.numa.binding _get_arbitrary_allowed_cpu_index_for_numa_node	always	_get_arbitrary_allowed_cpu_index_for_numa_node -> _get_allowed_logical_cpu_indices_for_numa_node -> _get_cpu_indices_for_numa_node_MAYBE_NOT_ALLOWED calls io.open
torch.numa.binding _get_cpu_indices_for_numa_node_MAYBE_NOT_ALLOWED	always	_get_cpu_indices_for_numa_node_MAYBE_NOT_ALLOWED calls io.open
torch.numa.binding _get_device_indices_for_numa_node	always	_get_device_indices_for_numa_node -> _get_numa_node_index_for_device_index calls io.open
torch.numa.binding _get_logical_cpu_indices_sharing_same_physical_core_as	always	_get_logical_cpu_indices_sharing_same_physical_core_as calls io.open
torch.numa.binding _get_logical_cpus_sharing_same_max_level_cache_as	always	_get_logical_cpus_sharing_same_max_level_cache_as calls posix.listdir
torch.numa.binding _get_logical_cpus_to_bind_to	always	_get_logical_cpus_to_bind_to -> _node_get_logical_cpus_to_bind_to -> _get_numa_node_index_for_device_index calls io.open
torch.numa.binding _get_numa_node_index_for_device_index	always	_get_numa_node_index_for_device_index calls io.open
torch.numa.binding _get_numa_node_indices_for_socket_index	always	_get_numa_node_indices_for_socket_index -> _get_systemwide_numa_node_indices calls io.open
torch.numa.binding _get_socket_index_for_cpu	always	_get_socket_index_for_cpu calls io.open
torch.numa.binding _get_socket_index_for_numa_node	always	_get_socket_index_for_numa_node -> _get_socket_index_for_cpu calls io.open
torch.numa.binding _get_systemwide_numa_node_indices	always	_get_systemwide_numa_node_indices calls io.open
torch.numa.binding _get_validated_logical_cpus_to_bind_to	always	_get_validated_logical_cpus_to_bind_to -> _raise_if_binding_invalid calls shutil.which
torch.numa.binding _maybe_apply_numa_binding_to_current_process	always	_maybe_apply_numa_binding_to_current_process -> _get_validated_logical_cpus_to_bind_to -> _raise_if_binding_invalid calls shutil.which
torch.numa.binding _maybe_wrap_command_args_with_numa_binding	always	_maybe_wrap_command_args_with_numa_binding -> _get_validated_logical_cpus_to_bind_to -> _raise_if_binding_invalid calls shutil.which
torch.numa.binding _maybe_wrap_with_numa_binding	always	_maybe_wrap_with_numa_binding -> _maybe_apply_numa_binding_to_current_process -> _bind_all_threads_in_current_process_to_logical_cpus calls posix.sched_setaffinity
torch.numa.binding _node_get_logical_cpus_to_bind_to	always	_node_get_logical_cpus_to_bind_to -> _get_numa_node_index_for_device_index calls io.open
torch.numa.binding _raise_if_binding_invalid	always	_raise_if_binding_invalid calls shutil.which
torch.numa.binding _socket_get_logical_cpus_to_bind_to	always	_socket_get_logical_cpus_to_bind_to -> _get_numa_node_index_for_device_index calls io.open
torch.onnx._internal.exporter._isolated safe_call	always	safe_call calls multiprocessing.context.DefaultContext.get_context
torch.onnx._internal.torchscript_exporter.onnx_proto_utils export_as_test_case	always	export_as_test_case calls os.makedirs
torch.onnx._internal.torchscript_exporter.onnx_proto_utils export_data	always	export_data calls io.open
torch.onnx._internal.torchscript_exporter.onnx_proto_utils load_test_case	always	load_test_case calls io.open
torch.onnx._internal.torchscript_exporter.verification verify	always	verify calls tempfile.TemporaryDirectory
torch.onnx.ops._impl _onnx_op	always	_onnx_op -> custom_op -> infer_schema calls builtins.eval
torch.package.package_exporter _read_file	always	_read_file calls io.open
torch.profiler ExecutionTraceObserver	always	ExecutionTraceObserver.__del__ -> ExecutionTraceObserver.unregister_callback calls posix.remove
torch.profiler tensorboard_trace_handler	always	tensorboard_trace_handler calls os.makedirs
torch.profiler._chrome_trace_export export_chrome_trace	always	export_chrome_trace calls io.open
torch.profiler.profiler ExecutionTraceObserver	always	ExecutionTraceObserver.__del__ -> ExecutionTraceObserver.unregister_callback calls posix.remove
torch.profiler.profiler tensorboard_trace_handler	always	tensorboard_trace_handler calls os.makedirs
torch.serialization _legacy_load	always	_legacy_load -> mkdtemp calls tempfile.mkdtemp
torch.serialization get_unsafe_globals_in_checkpoint	always	get_unsafe_globals_in_checkpoint -> get_globals_in_pkl calls _pickle.UnpicklingError
torch.serialization load	always	load -> _legacy_load -> mkdtemp calls tempfile.mkdtemp
torch.serialization mkdtemp	always	mkdtemp calls tempfile.mkdtemp
torch.sparse._triton_ops_meta dump	always	dump calls io.open
torch.sparse._triton_ops_meta main	always	main -> dump calls io.open
torch.storage _load_from_bytes	always	_load_from_bytes calls torch.serialization.load
torch.utils._config_module ConfigModule	always	ConfigModule.__setattr__ -> ConfigModule._set_alias_val -> ConfigModule._get_alias_module_and_name calls importlib.import_module
torch.utils._cpp_embed_headers _embed_headers	always	_embed_headers -> read_file calls io.open
torch.utils._cpp_embed_headers embed_headers	always	embed_headers -> _embed_headers -> read_file calls io.open
torch.utils._cpp_embed_headers read_file	always	read_file calls io.open
torch.utils._cpp_extension_versioner hash_source_files	always	hash_source_files calls io.open
torch.utils._cxx_pytree LeafSpec	always	LeafSpec.__new__ -> treespec_leaf calls optree.ops.treespec_leaf, code of a library this check does not read
torch.utils._get_clean_triton get_clean_triton	always	get_clean_triton -> process_file calls io.open
torch.utils._get_clean_triton process_file	always	process_file calls io.open
torch.utils._strobelight.cli_function_profiler _pid_namespace	always	_pid_namespace -> _pid_namespace_link calls posix.readlink
torch.utils._strobelight.cli_function_profiler _pid_namespace_link	always	_pid_namespace_link calls posix.readlink
torch.utils._sympy.functions CeilDiv	always	CeilDiv.__new__ calls sympy.core.sympify.sympify, code of a library this check does not read
torch.utils._sympy.functions Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.utils._sympy.functions Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.utils._sympy.functions MinMaxBase	always	MinMaxBase.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.utils._sympy.interp Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.utils._sympy.interp Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.utils._sympy.reference Max	always	Max.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.utils._sympy.reference Min	always	Min.__new__ calls sympy.core.basic.Basic.__new__, code of a library this check does not read
torch.utils._traceback report_compile_source_on_error	always	report_compile_source_on_error calls builtins.compile
torch.utils._triton _extern_libs_key	always	_extern_libs_key calls io.open
torch.utils.benchmark.examples.compare main	always	main calls _pickle.dumps
torch.utils.benchmark.utils.common _make_temp_dir	always	_make_temp_dir calls os.makedirs
torch.utils.benchmark.utils.cpp_jit _compile_template	always	_compile_template calls torch.utils.cpp_extension.load
torch.utils.benchmark.utils.cpp_jit _get_build_root	always	_get_build_root -> _make_temp_dir calls os.makedirs
torch.utils.benchmark.utils.cpp_jit _make_temp_dir	always	_make_temp_dir calls os.makedirs
torch.utils.benchmark.utils.cpp_jit compile_callgrind_template	always	compile_callgrind_template -> _compile_template calls torch.utils.cpp_extension.load
torch.utils.benchmark.utils.cpp_jit compile_timeit_template	always	compile_timeit_template -> _compile_template calls torch.utils.cpp_extension.load
torch.utils.benchmark.utils.cpp_jit get_compat_bindings	always	get_compat_bindings calls torch.utils.cpp_extension.load
torch.utils.collect_env _detect_linux_pkg_manager	always	_detect_linux_pkg_manager -> run calls subprocess.Popen
torch.utils.collect_env get_intel_gpu_driver_version	always	get_intel_gpu_driver_version -> _detect_linux_pkg_manager -> run calls subprocess.Popen
torch.utils.collect_env get_linux_pkg_version	always	get_linux_pkg_version -> _detect_linux_pkg_manager -> run calls subprocess.Popen
torch.utils.collect_env main	always	main calls posix.listdir
torch.utils.collect_env run	always	run calls subprocess.Popen
torch.utils.cpp_extension CUDAExtension	always	CUDAExtension calls setuptools.extension.Extension
torch.utils.cpp_extension CppExtension	always	CppExtension calls setuptools.extension.Extension
torch.utils.cpp_extension SyclExtension	always	SyclExtension calls setuptools.extension.Extension
torch.utils.cpp_extension _check_and_build_extension_h_precompiler_headers	always	_check_and_build_extension_h_precompiler_headers -> check_compiler_is_gcc calls os._Environ.copy
torch.utils.cpp_extension _check_cuda_version	always	_check_cuda_version calls subprocess.check_output
torch.utils.cpp_extension _find_cuda_home	always	_find_cuda_home calls shutil.which
torch.utils.cpp_extension _find_rocm_home	always	_find_rocm_home calls shutil.which
torch.utils.cpp_extension _find_sycl_home	always	_find_sycl_home calls shutil.which
torch.utils.cpp_extension _get_build_directory	always	_get_build_directory calls os.makedirs
torch.utils.cpp_extension _get_icpx_version	always	_get_icpx_version calls subprocess.check_output
torch.utils.cpp_extension _import_module_from_library	always	_import_module_from_library -> _Ops.load_library calls ctypes.CDLL
torch.utils.cpp_extension _jit_compile	always	_jit_compile -> ExtensionVersioner.bump_version_if_changed -> hash_source_files calls io.open
torch.utils.cpp_extension _maybe_write	always	_maybe_write calls io.open
torch.utils.cpp_extension _run_ninja_build	always	_run_ninja_build calls os._Environ.copy
torch.utils.cpp_extension _wrap_compiler	always	_wrap_compiler calls shutil.which
torch.utils.cpp_extension _write_ninja_file	always	_write_ninja_file -> _maybe_write calls io.open
torch.utils.cpp_extension _write_ninja_file_and_build_library	always	_write_ninja_file_and_build_library -> verify_ninja_availability -> is_ninja_available calls subprocess.check_output
torch.utils.cpp_extension _write_ninja_file_and_compile_objects	always	_write_ninja_file_and_compile_objects -> verify_ninja_availability -> is_ninja_available calls subprocess.check_output
torch.utils.cpp_extension _write_ninja_file_to_build_library	always	_write_ninja_file_to_build_library -> _write_ninja_file -> _maybe_write calls io.open
torch.utils.cpp_extension check_compiler_is_gcc	always	check_compiler_is_gcc calls os._Environ.copy
torch.utils.cpp_extension check_compiler_ok_for_platform	always	check_compiler_ok_for_platform calls shutil.which
torch.utils.cpp_extension get_compiler_abi_compatibility_and_version	always	get_compiler_abi_compatibility_and_version -> check_compiler_ok_for_platform calls shutil.which
torch.utils.cpp_extension is_ninja_available	always	is_ninja_available calls subprocess.check_output
torch.utils.cpp_extension load	always	load -> _jit_compile -> _write_ninja_file_and_build_library calls os.makedirs
torch.utils.cpp_extension load_inline	always	load_inline -> _maybe_write calls io.open
torch.utils.cpp_extension remove_extension_h_precompiler_headers	always	remove_extension_h_precompiler_headers calls posix.remove
torch.utils.cpp_extension verify_ninja_availability	always	verify_ninja_availability -> is_ninja_available calls subprocess.check_output
torch.utils.data.dataloader _IterDataPipeSerializationWrapper	always	_IterDataPipeSerializationWrapper.__setstate__ calls dill._dill.loads
torch.utils.data.dataloader _MapDataPipeSerializationWrapper	always	_MapDataPipeSerializationWrapper.__setstate__ calls dill._dill.loads
torch.utils.data.dataloader _MultiProcessingDataLoaderIter	always	_MultiProcessingDataLoaderIter.__del__ -> _MultiProcessingDataLoaderIter._shutdown_workers calls self._workers_done_event.set, a method of an object from the instance's state
torch.utils.data.datapipes.datapipe _DataPipeSerializationWrapper	always	_DataPipeSerializationWrapper.__setstate__ calls dill._dill.loads
torch.utils.data.datapipes.datapipe _IterDataPipeSerializationWrapper	always	_IterDataPipeSerializationWrapper.__setstate__ calls dill._dill.loads
torch.utils.data.datapipes.datapipe _MapDataPipeSerializationWrapper	always	_MapDataPipeSerializationWrapper.__setstate__ calls dill._dill.loads
torch.utils.data.datapipes.gen_pyi find_file_paths	always	find_file_paths calls posix.listdir
torch.utils.data.datapipes.gen_pyi gen_from_template	always	gen_from_template calls io.open
torch.utils.data.datapipes.gen_pyi get_method_definitions	always	get_method_definitions -> find_file_paths calls posix.listdir
torch.utils.data.datapipes.gen_pyi main	always	main -> get_method_definitions -> find_file_paths calls posix.listdir
torch.utils.data.datapipes.gen_pyi parse_datapipe_file	always	parse_datapipe_file calls io.open
torch.utils.data.datapipes.gen_pyi parse_datapipe_files	always	parse_datapipe_files -> parse_datapipe_file calls io.open
torch.utils.data.datapipes.iter Grouper	always	GrouperIterDataPipe.__del__ calls self.buffer_elements.clear, a method of an object from the instance's state
torch.utils.data.datapipes.iter Multiplexer	always	MultiplexerIterDataPipe.__del__ calls self.buffer.clear, a method of an object from the instance's state
torch.utils.data.datapipes.iter Shuffler	always	ShufflerIterDataPipe.__del__ calls self._buffer.clear, a method of an object from the instance's state
torch.utils.data.datapipes.iter.combinatorics ShufflerIterDataPipe	always	ShufflerIterDataPipe.__del__ calls self._buffer.clear, a method of an object from the instance's state
torch.utils.data.datapipes.iter.combining MultiplexerIterDataPipe	always	MultiplexerIterDataPipe.__del__ calls self.buffer.clear, a method of an object from the instance's state
torch.utils.data.datapipes.iter.combining StreamWrapper	always	StreamWrapper.__del__ -> StreamWrapper.close calls self.file_obj.close, a method of an object from the instance's state
torch.utils.data.datapipes.iter.combining _ForkerIterDataPipe	always	_ForkerIterDataPipe.__del__ -> _ForkerIterDataPipe._cleanup calls self.buffer.popleft, a method of an object from the instance's state
torch.utils.data.datapipes.iter.filelister get_file_pathnames_from_root	always	get_file_pathnames_from_root calls os.walk
torch.utils.data.datapipes.iter.fileopener get_file_binaries_from_pathnames	always	get_file_binaries_from_pathnames calls io.open
torch.utils.data.datapipes.iter.grouping GrouperIterDataPipe	always	GrouperIterDataPipe.__del__ calls self.buffer_elements.clear, a method of an object from the instance's state
torch.utils.data.datapipes.iter.routeddecoder decoder_basichandlers	always	basichandlers calls _pickle.loads
torch.utils.data.datapipes.iter.selecting StreamWrapper	always	StreamWrapper.__del__ -> StreamWrapper.close calls self.file_obj.close, a method of an object from the instance's state
torch.utils.data.datapipes.utils.common StreamWrapper	always	StreamWrapper.__del__ -> StreamWrapper.close calls self.file_obj.close, a method of an object from the instance's state
torch.utils.data.datapipes.utils.common get_file_binaries_from_pathnames	always	get_file_binaries_from_pathnames calls io.open
torch.utils.data.datapipes.utils.common get_file_pathnames_from_root	always	get_file_pathnames_from_root calls os.walk
torch.utils.data.datapipes.utils.decoder StreamWrapper	always	StreamWrapper.__del__ -> StreamWrapper.close calls self.file_obj.close, a method of an object from the instance's state
torch.utils.data.datapipes.utils.decoder audiohandler	always	audiohandler calls tempfile.TemporaryDirectory
torch.utils.data.datapipes.utils.decoder basichandlers	always	basichandlers calls _pickle.loads
torch.utils.data.datapipes.utils.decoder videohandler	always	videohandler calls tempfile.TemporaryDirectory
torch.utils.data.graph _list_connected_datapipes	always	_list_connected_datapipes calls _pickle.Pickler
torch.utils.data.graph _traverse_helper	always	_traverse_helper -> _list_connected_datapipes calls _pickle.Pickler
torch.utils.data.graph traverse	always	traverse -> _traverse_helper -> _list_connected_datapipes calls _pickle.Pickler
torch.utils.data.graph traverse_dps	always	traverse_dps -> _traverse_helper -> _list_connected_datapipes calls _pickle.Pickler
torch.utils.data.graph_settings traverse_dps	always	traverse_dps -> _traverse_helper -> _list_connected_datapipes calls _pickle.Pickler
torch.utils.hipify.hipify_python file_add_header	always	file_add_header -> openf calls io.open
torch.utils.hipify.hipify_python file_specific_replacement	always	file_specific_replacement -> openf calls io.open
torch.utils.hipify.hipify_python hipify	always	hipify calls shutil.copytree
torch.utils.hipify.hipify_python matched_files_iter	always	matched_files_iter calls os.walk
torch.utils.hipify.hipify_python openf	always	openf calls io.open
torch.utils.hipify.hipify_python preprocess_file_and_save_result	always	preprocess_file_and_save_result -> preprocessor calls io.open
torch.utils.hipify.hipify_python preprocessor	always	preprocessor calls io.open
torch.utils.jit.log_extract extract_ir	always	extract_ir calls io.open
torch.utils.model_dump get_info_and_burn_skeleton	always	get_info_and_burn_skeleton -> get_model_info calls _pickle.loads
torch.utils.model_dump get_inline_skeleton	always	get_inline_skeleton calls urllib.parse.quote
torch.utils.model_dump get_model_info	always	get_model_info calls _pickle.loads
torch.utils.model_dump main	always	main -> get_model_info calls _pickle.loads
torch.utils.model_zoo load_url	always	load_state_dict_from_url calls os.makedirs
torch.utils.show_pickle main	always	main calls io.open
torch.utils.viz._cycles cuda_allocation_context	always	cuda_allocation_context -> _snapshot -> _augment_memory_snapshot_stack_traces calls io.open
torch.utils.viz._cycles warn_tensor_cycles	always	warn_tensor_cycles calls tempfile.NamedTemporaryFile
torch.xpu.memory _augment_memory_snapshot_stack_traces	always	_augment_memory_snapshot_stack_traces calls io.open
torch.xpu.memory _dump_snapshot	always	_dump_snapshot -> _snapshot -> _augment_memory_snapshot_stack_traces calls io.open
torch.xpu.memory _snapshot	always	_snapshot -> _augment_memory_snapshot_stack_traces calls io.open
torchaudio.datasets.librilight_limited _get_librispeech_metadata	always	_get_librispeech_metadata calls io.open
torchaudio.datasets.librispeech _get_librispeech_metadata	always	_get_librispeech_metadata calls io.open
torchaudio.datasets.librispeech_biasing _get_librispeech_metadata	always	_get_librispeech_metadata calls io.open
torchaudio.datasets.libritts load_libritts_item	always	load_libritts_item calls io.open
torchaudio.datasets.quesst14 filter_audio_paths	always	filter_audio_paths calls io.open
torchaudio.datasets.snips _load_labels	always	_load_labels calls io.open
torchaudio.datasets.speechcommands _load_list	always	_load_list calls io.open
torchaudio.datasets.voxceleb1 _download_extract_wavs	always	_download_extract_wavs calls io.open
torchaudio.datasets.voxceleb1 _get_flist	always	_get_flist calls io.open
torchaudio.datasets.voxceleb1 _get_paired_flist	always	_get_paired_flist calls io.open
torchaudio.pipelines._tts.utils _load_phonemizer	always	_load_phonemizer calls os.makedirs
torchaudio.utils _download_asset	always	_download_asset -> _get_hash calls io.open
torchaudio.utils.download _download_asset	always	_download_asset -> _get_hash calls io.open
torchaudio.utils.download _get_hash	always	_get_hash calls io.open
torchvision.datasets._optical_flow _read_flo	always	_read_flo calls io.open
torchvision.datasets._optical_flow _read_pfm	always	_read_pfm calls io.open
torchvision.datasets._optical_flow default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets._stereo_matching _read_pfm	always	_read_pfm calls io.open
torchvision.datasets._stereo_matching download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.caltech download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.caltech extract_archive	always	extract_archive -> _decompress calls io.open
torchvision.datasets.celeba check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.celeba download_file_from_google_drive	always	download_file_from_google_drive calls os.makedirs
torchvision.datasets.celeba extract_archive	always	extract_archive -> _decompress calls io.open
torchvision.datasets.cifar check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.cifar download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.cityscapes extract_archive	always	extract_archive -> _decompress calls io.open
torchvision.datasets.clevr default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.clevr download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.country211 default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.country211 download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.dtd default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.dtd download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.eurosat default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.eurosat download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.fer2013 check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.fgvc_aircraft default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.fgvc_aircraft download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.flickr default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.flowers102 check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.flowers102 default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.flowers102 download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.flowers102 download_url	always	download_url calls os.makedirs
torchvision.datasets.folder accimage_loader	always	accimage_loader -> pil_loader calls io.open
torchvision.datasets.folder default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.folder find_classes	always	find_classes calls posix.scandir
torchvision.datasets.folder make_dataset	always	make_dataset -> find_classes calls posix.scandir
torchvision.datasets.folder pil_loader	always	pil_loader calls io.open
torchvision.datasets.food101 default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.food101 download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.gtsrb download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.gtsrb make_dataset	always	make_dataset -> find_classes calls posix.scandir
torchvision.datasets.hmdb51 find_classes	always	find_classes calls posix.scandir
torchvision.datasets.hmdb51 make_dataset	always	make_dataset -> find_classes calls posix.scandir
torchvision.datasets.imagenet check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.imagenet extract_archive	always	extract_archive -> _decompress calls io.open
torchvision.datasets.imagenet load_meta_file	always	load_meta_file calls torch.serialization.load
torchvision.datasets.imagenet parse_devkit_archive	always	parse_devkit_archive calls tempfile.mkdtemp
torchvision.datasets.imagenet parse_train_archive	always	parse_train_archive -> extract_archive -> _decompress calls io.open
torchvision.datasets.imagenet parse_val_archive	always	parse_val_archive -> extract_archive -> _decompress calls io.open
torchvision.datasets.imagenette default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.imagenette download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.imagenette find_classes	always	find_classes calls posix.scandir
torchvision.datasets.imagenette make_dataset	always	make_dataset -> find_classes calls posix.scandir
torchvision.datasets.inaturalist download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.kinetics _dl_wrap	always	_dl_wrap -> download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.kinetics check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.kinetics download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.kinetics download_url	always	download_url calls os.makedirs
torchvision.datasets.kinetics find_classes	always	find_classes calls posix.scandir
torchvision.datasets.kinetics make_dataset	always	make_dataset -> find_classes calls posix.scandir
torchvision.datasets.kitti download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.lfw check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.lfw default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.lfw download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.lfw download_url	always	download_url calls os.makedirs
torchvision.datasets.mnist check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.mnist download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.mnist extract_archive	always	extract_archive -> _decompress calls io.open
torchvision.datasets.mnist read_image_file	always	read_image_file -> read_sn3_pascalvincent_tensor calls io.open
torchvision.datasets.mnist read_label_file	always	read_label_file -> read_sn3_pascalvincent_tensor calls io.open
torchvision.datasets.mnist read_sn3_pascalvincent_tensor	always	read_sn3_pascalvincent_tensor calls io.open
torchvision.datasets.moving_mnist download_url	always	download_url calls os.makedirs
torchvision.datasets.omniglot check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.omniglot download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.omniglot list_dir	always	list_dir calls posix.listdir
torchvision.datasets.omniglot list_files	always	list_files calls posix.listdir
torchvision.datasets.oxford_iiit_pet download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.pcam _decompress	always	_decompress calls io.open
torchvision.datasets.pcam download_file_from_google_drive	always	download_file_from_google_drive calls os.makedirs
torchvision.datasets.phototour download_url	always	download_url calls os.makedirs
torchvision.datasets.phototour read_image_file	always	read_image_file calls posix.listdir
torchvision.datasets.phototour read_info_file	always	read_info_file calls io.open
torchvision.datasets.phototour read_matches_files	always	read_matches_files calls io.open
torchvision.datasets.places365 check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.places365 default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.places365 download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.rendered_sst2 default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.rendered_sst2 download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.rendered_sst2 make_dataset	always	make_dataset -> find_classes calls posix.scandir
torchvision.datasets.sbd download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.sbd download_url	always	download_url calls os.makedirs
torchvision.datasets.sbu check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.sbu default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.sbu download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.sbu download_url	always	download_url calls os.makedirs
torchvision.datasets.semeion check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.semeion download_url	always	download_url calls os.makedirs
torchvision.datasets.stanford_cars default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.stl10 check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.stl10 download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.sun397 default_loader	always	default_loader -> accimage_loader -> pil_loader calls io.open
torchvision.datasets.sun397 download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.svhn check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.svhn download_url	always	download_url calls os.makedirs
torchvision.datasets.ucf101 find_classes	always	find_classes calls posix.scandir
torchvision.datasets.ucf101 make_dataset	always	make_dataset -> find_classes calls posix.scandir
torchvision.datasets.usps download_url	always	download_url calls os.makedirs
torchvision.datasets.utils _decompress	always	_decompress calls io.open
torchvision.datasets.utils _get_google_drive_file_id	always	_get_google_drive_file_id calls urllib.parse.urlparse
torchvision.datasets.utils _get_redirect_url	always	_get_redirect_url calls urllib.request.urlopen
torchvision.datasets.utils _read_pfm	always	_read_pfm calls io.open
torchvision.datasets.utils _urlretrieve	always	_urlretrieve calls urllib.request.urlopen
torchvision.datasets.utils calculate_md5	always	calculate_md5 calls io.open
torchvision.datasets.utils check_integrity	always	check_integrity -> check_md5 -> calculate_md5 calls io.open
torchvision.datasets.utils check_md5	always	check_md5 -> calculate_md5 calls io.open
torchvision.datasets.utils download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.utils download_file_from_google_drive	always	download_file_from_google_drive calls os.makedirs
torchvision.datasets.utils download_url	always	download_url calls os.makedirs
torchvision.datasets.utils extract_archive	always	extract_archive -> _decompress calls io.open
torchvision.datasets.utils list_dir	always	list_dir calls posix.listdir
torchvision.datasets.utils list_files	always	list_files calls posix.listdir
torchvision.datasets.voc download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.widerface download_and_extract_archive	always	download_and_extract_archive -> download_url calls os.makedirs
torchvision.datasets.widerface download_file_from_google_drive	always	download_file_from_google_drive calls os.makedirs
torchvision.datasets.widerface extract_archive	always	extract_archive -> _decompress calls io.open
transformers.audio_utils _format_from_source	always	_format_from_source calls urllib.parse.urlparse
transformers.audio_utils load_audio	always	load_audio -> _format_from_source calls urllib.parse.urlparse
transformers.audio_utils load_audio_as	always	load_audio_as calls io.open
transformers.audio_utils load_audio_librosa	always	load_audio_librosa -> load_audio -> _format_from_source calls urllib.parse.urlparse
transformers.audio_utils load_audio_torchcodec	always	load_audio_torchcodec -> load_audio -> _format_from_source calls urllib.parse.urlparse
transformers.cli.add_new_model_like _add_new_model_like_internal	always	_add_new_model_like_internal calls os.makedirs
transformers.cli.add_new_model_like add_content_to_file	always	add_content_to_file calls io.open
transformers.cli.add_new_model_like add_model_to_auto_mappings	always	add_model_to_auto_mappings -> add_content_to_file calls io.open
transformers.cli.add_new_model_like add_new_model_like	always	add_new_model_like -> _add_new_model_like_internal calls os.makedirs
transformers.cli.add_new_model_like create_modular_file	always	create_modular_file -> find_modular_structure -> find_all_classes_from_file calls io.open
transformers.cli.add_new_model_like create_test_files	always	create_test_files calls io.open
transformers.cli.add_new_model_like find_all_classes_from_file	always	find_all_classes_from_file calls io.open
transformers.cli.add_new_model_like find_modular_structure	always	find_modular_structure -> find_all_classes_from_file calls io.open
transformers.cli.add_new_model_like insert_model_in_doc_toc	always	insert_model_in_doc_toc -> add_content_to_file calls io.open
transformers.cli.chat get_service_root_url	always	get_service_root_url calls urllib.parse.urlparse
transformers.cli.chat get_username	always	get_username calls posix.getlogin
transformers.cli.chat save_chat	always	save_chat calls os.makedirs
transformers.cli.serving.model_manager run_until_parent_exits	always	run_until_parent_exits calls multiprocessing.process.parent_process
transformers.cli.serving.model_manager set_serve_log_level	always	set_serve_log_level -> get_logger -> _configure_library_root_logger calls io.open
transformers.cli.serving.utils run_until_parent_exits	always	run_until_parent_exits calls multiprocessing.process.parent_process
transformers.cli.serving.utils set_serve_log_level	always	set_serve_log_level -> get_logger -> _configure_library_root_logger calls io.open
transformers.cli.transformers add_new_model_like	always	add_new_model_like -> _add_new_model_like_internal calls os.makedirs
transformers.configuration_utils custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.convert_slow_tokenizers_checkpoints_to_fast convert_slow_checkpoint_to_fast	always	convert_slow_checkpoint_to_fast calls posix.remove
transformers.core_model_loading get_logger	always	get_logger -> _configure_library_root_logger calls io.open
transformers.distributed.checkpoint _get_resolved_distributed_checkpoint_files	always	_get_resolved_distributed_checkpoint_files calls posix.listdir
transformers.distributed.checkpoint consolidate_distributed_checkpoint	always	consolidate_distributed_checkpoint calls os.makedirs
transformers.distributed.checkpoint get_distributed_checkpoint_dir	always	get_distributed_checkpoint_dir -> is_sharded_checkpoint calls posix.listdir
transformers.distributed.checkpoint is_sharded_checkpoint	always	is_sharded_checkpoint calls posix.listdir
transformers.distributed.mixin consolidate_distributed_checkpoint	always	consolidate_distributed_checkpoint calls os.makedirs
transformers.distributed.mixin custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.dynamic_module_utils _compute_local_source_files_hash	always	_compute_local_source_files_hash -> get_relative_import_files -> get_relative_imports calls io.open
transformers.dynamic_module_utils check_imports	always	check_imports -> get_imports calls io.open
transformers.dynamic_module_utils check_python_requirements	always	check_python_requirements calls io.open
transformers.dynamic_module_utils create_dynamic_module	always	create_dynamic_module -> init_hf_modules calls os.makedirs
transformers.dynamic_module_utils custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.dynamic_module_utils get_cached_module_file	always	get_cached_module_file -> check_imports -> get_imports calls io.open
transformers.dynamic_module_utils get_class_from_dynamic_module	always	get_class_from_dynamic_module -> get_cached_module_file -> create_dynamic_module calls os.makedirs
transformers.dynamic_module_utils get_class_in_module	always	get_class_in_module -> get_relative_import_files -> get_relative_imports calls io.open
transformers.dynamic_module_utils get_imports	always	get_imports calls io.open
transformers.dynamic_module_utils get_relative_import_files	always	get_relative_import_files -> get_relative_imports calls io.open
transformers.dynamic_module_utils get_relative_imports	always	get_relative_imports calls io.open
transformers.dynamic_module_utils init_hf_modules	always	init_hf_modules calls os.makedirs
transformers.exporters.exporter_executorch _patch_flatc_compile_nonfinite	always	_patch_flatc_compile_nonfinite calls io.open
transformers.exporters.runners.runner_openvino _physical_cores	always	_physical_cores calls io.open
transformers.feature_extraction_sequence_utils load_audio	always	load_audio -> _format_from_source calls urllib.parse.urlparse
transformers.feature_extraction_utils custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.feature_extraction_utils safe_load_json_file	always	safe_load_json_file calls io.open
transformers.generation.continuous_batching.cache get_device_and_memory_breakdown	always	get_device_and_memory_breakdown -> _get_numa_nodes_memory calls io.open
transformers.generation.continuous_batching.input_outputs CudaGraphBuffer	always	CudaGraphBuffer.__del__ calls self._storage.popitem, a method of an object from the instance's state
transformers.generation.continuous_batching.utils CudaGraphBuffer	always	CudaGraphBuffer.__del__ calls self._storage.popitem, a method of an object from the instance's state
transformers.generation.continuous_batching.utils _get_allowed_numa_nodes	always	_get_allowed_numa_nodes calls io.open
transformers.generation.continuous_batching.utils _get_numa_nodes_memory	always	_get_numa_nodes_memory calls io.open
transformers.generation.continuous_batching.utils get_device_and_memory_breakdown	always	get_device_and_memory_breakdown -> _get_numa_nodes_memory calls io.open
transformers.generation.logits_process get_logger	always	get_logger -> _configure_library_root_logger calls io.open
transformers.generation.utils check_python_requirements	always	check_python_requirements calls io.open
transformers.generation.utils get_cached_module_file	always	get_cached_module_file -> check_imports -> get_imports calls io.open
transformers.generation.utils get_class_in_module	always	get_class_in_module -> get_relative_import_files -> get_relative_imports calls io.open
transformers.hyperparameter_search run_hp_search_optuna	always	run_hp_search_optuna calls posix.listdir
transformers.hyperparameter_search run_hp_search_ray	always	run_hp_search_ray calls tempfile.TemporaryDirectory
transformers.image_processing_base custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.image_processing_base safe_load_json_file	always	safe_load_json_file calls io.open
transformers.integrations run_hp_search_optuna	always	run_hp_search_optuna calls posix.listdir
transformers.integrations run_hp_search_ray	always	run_hp_search_ray calls tempfile.TemporaryDirectory
transformers.integrations.accelerate accelerate_disk_offload	always	accelerate_disk_offload calls os.makedirs
transformers.integrations.deepgemm _load_deepgemm_kernel	always	_load_deepgemm_kernel -> is_deepgemm_loadable -> _get_cuda_home calls shutil.which
transformers.integrations.deepgemm is_deepgemm_loadable	always	is_deepgemm_loadable -> _get_cuda_home calls shutil.which
transformers.integrations.finegrained_fp8 fp8_linear	always	fp8_linear -> is_deepgemm_loadable -> _get_cuda_home calls shutil.which
transformers.integrations.finegrained_fp8 is_deepgemm_loadable	always	is_deepgemm_loadable -> _get_cuda_home calls shutil.which
transformers.integrations.gguf.reader _mapped	always	_mapped calls numpy.memmap
transformers.integrations.gguf.reader load_gguf_state_dict	always	load_gguf_state_dict -> _mapped calls numpy.memmap
transformers.integrations.gguf.reader read_gguf_metadata	always	read_gguf_metadata -> _mapped calls numpy.memmap
transformers.integrations.integration_utils DagsHubCallback	always	DagsHubCallback.__del__ calls self._ml_flow.end_run, a method of an object from the instance's state
transformers.integrations.integration_utils MLflowCallback	always	MLflowCallback.__del__ calls self._ml_flow.end_run, a method of an object from the instance's state
transformers.integrations.integration_utils NeptuneCallback	always	NeptuneCallback.__del__ -> NeptuneCallback._stop_run_if_exists calls self._run.stop, a method of an object from the instance's state
transformers.integrations.integration_utils run_hp_search_optuna	always	run_hp_search_optuna calls posix.listdir
transformers.integrations.integration_utils run_hp_search_ray	always	run_hp_search_ray calls tempfile.TemporaryDirectory
transformers.integrations.integration_utils save_model_architecture_to_file	always	save_model_architecture_to_file calls io.open
transformers.integrations.mistral.tokenizer _check_tekken_vocab_unchanged	always	_check_tekken_vocab_unchanged calls io.open
transformers.integrations.mistral.tokenizer _resolve_chat_template	always	_resolve_chat_template calls io.open
transformers.integrations.mistral.tokenizer convert_tekken_tokenizer	always	convert_tekken_tokenizer -> _resolve_chat_template calls io.open
transformers.integrations.mistral.tokenizer save_tekken_format	always	save_tekken_format -> _check_tekken_vocab_unchanged calls io.open
transformers.integrations.peft maybe_load_adapters	always	maybe_load_adapters calls io.open
transformers.integrations.tpu save_tpu_checkpoint	always	save_tpu_checkpoint calls os.makedirs
transformers.model_debugging_utils _attach_debugger_logic	always	_attach_debugger_logic calls os.makedirs
transformers.model_debugging_utils log_model_debug_trace	always	log_model_debug_trace calls io.open
transformers.model_debugging_utils model_addition_debugger_context	always	model_addition_debugger_context -> _attach_debugger_logic calls os.makedirs
transformers.modeling_gguf_pytorch_utils get_logger	always	get_logger -> _configure_library_root_logger calls io.open
transformers.modeling_layers _get_resolved_checkpoint_files	always	_get_resolved_checkpoint_files -> get_checkpoint_shard_files calls io.open
transformers.modeling_utils _get_dtype	always	_get_dtype -> load_state_dict calls torch.serialization.load
transformers.modeling_utils _get_resolved_checkpoint_files	always	_get_resolved_checkpoint_files -> get_checkpoint_shard_files calls io.open
transformers.modeling_utils _get_resolved_distributed_checkpoint_files	always	_get_resolved_distributed_checkpoint_files calls posix.listdir
transformers.modeling_utils _is_on_hf_mount	always	_is_on_hf_mount calls io.open
transformers.modeling_utils accelerate_disk_offload	always	accelerate_disk_offload calls os.makedirs
transformers.modeling_utils custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.modeling_utils get_checkpoint_shard_files	always	get_checkpoint_shard_files calls io.open
transformers.modeling_utils get_distributed_checkpoint_dir	always	get_distributed_checkpoint_dir -> is_sharded_checkpoint calls posix.listdir
transformers.modeling_utils load_state_dict	always	load_state_dict calls torch.serialization.load
transformers.modeling_utils maybe_load_adapters	always	maybe_load_adapters calls io.open
transformers.pipelines _maybe_load_ctc_decoder	always	_maybe_load_ctc_decoder -> FeatureExtractionMixin.get_feature_extractor_dict -> safe_load_json_file calls io.open
transformers.pipelines _resolve_image_processor	always	_resolve_image_processor -> AutoImageProcessor.from_pretrained -> is_timm_local_checkpoint calls io.open
transformers.pipelines _resolve_processor	always	_resolve_processor -> AutoProcessor.from_pretrained -> ProcessorMixin.get_processor_dict calls io.open
transformers.pipelines _resolve_tokenizer	always	_resolve_tokenizer -> AutoTokenizer.from_pretrained -> get_tokenizer_config calls io.open
transformers.pipelines get_class_from_dynamic_module	always	get_class_from_dynamic_module -> get_cached_module_file -> create_dynamic_module calls os.makedirs
transformers.pipelines pipeline	always	pipeline -> _resolve_processor -> AutoProcessor.from_pretrained calls io.open
transformers.pipelines.audio_classification ffmpeg_read	always	ffmpeg_read calls subprocess.Popen
transformers.pipelines.audio_utils _ffmpeg_stream	always	_ffmpeg_stream calls subprocess.Popen
transformers.pipelines.audio_utils _get_microphone_name	always	_get_microphone_name calls subprocess.run
transformers.pipelines.audio_utils ffmpeg_microphone	always	ffmpeg_microphone -> _ffmpeg_stream calls subprocess.Popen
transformers.pipelines.audio_utils ffmpeg_microphone_live	always	ffmpeg_microphone_live -> ffmpeg_microphone -> _ffmpeg_stream calls subprocess.Popen
transformers.pipelines.audio_utils ffmpeg_read	always	ffmpeg_read calls subprocess.Popen
transformers.pipelines.automatic_speech_recognition ffmpeg_read	always	ffmpeg_read calls subprocess.Popen
transformers.pipelines.base custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.pipelines.base load_assistant_model	always	load_assistant_model -> AutoTokenizer.from_pretrained -> get_tokenizer_config calls io.open
transformers.pipelines.zero_shot_audio_classification ffmpeg_read	always	ffmpeg_read calls subprocess.Popen
transformers.processing_utils custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.processing_utils load_audio	always	load_audio -> _format_from_source calls urllib.parse.urlparse
transformers.quantizers.quantizer_gguf load_gguf_state_dict	always	load_gguf_state_dict -> _mapped calls numpy.memmap
transformers.quantizers.quantizer_gguf read_gguf_metadata	always	read_gguf_metadata -> _mapped calls numpy.memmap
transformers.testing_utils LoggingLevel	always	LoggingLevel -> get_verbosity -> _configure_library_root_logger calls io.open
transformers.testing_utils _get_test_info	always	_get_test_info calls io.open
transformers.testing_utils _patch_with_call_info	always	_patch_with_call_info -> _get_test_info calls io.open
transformers.testing_utils _prepare_debugging_info	always	_prepare_debugging_info calls io.open
transformers.testing_utils check_json_file_has_correct_format	always	check_json_file_has_correct_format calls io.open
transformers.testing_utils cmd_exists	always	cmd_exists calls shutil.which
transformers.testing_utils convert_all_safetensors_to_bins	always	convert_all_safetensors_to_bins calls posix.listdir
transformers.testing_utils force_serialization_as_bin_files	always	force_serialization_as_bin_files -> convert_all_safetensors_to_bins calls posix.listdir
transformers.testing_utils get_cgroup_memory_limit_bytes	always	get_cgroup_memory_limit_bytes calls io.open
transformers.testing_utils get_cpu_ram_total_gib	always	get_cpu_ram_total_gib -> get_cgroup_memory_limit_bytes calls io.open
transformers.testing_utils patch_testing_methods_to_collect_info	always	patch_testing_methods_to_collect_info -> _patch_with_call_info -> _get_test_info calls io.open
transformers.testing_utils pytest_terminal_summary_main	always	pytest_terminal_summary_main calls io.open
transformers.testing_utils read_json_file	always	read_json_file calls io.open
transformers.testing_utils record_ci_source_deps_by_file	always	record_ci_source_deps_by_file calls io.open
transformers.testing_utils record_ci_source_deps_chains	always	record_ci_source_deps_chains calls io.open
transformers.testing_utils require_jumanpp	always	require_jumanpp -> is_jumanpp_available calls shutil.which
transformers.testing_utils require_large_cpu_ram	always	require_large_cpu_ram -> get_cpu_ram_total_gib -> get_cgroup_memory_limit_bytes calls io.open
transformers.testing_utils require_usr_bin_time	always	require_usr_bin_time -> cmd_exists calls shutil.which
transformers.testing_utils run_command	always	run_command calls subprocess.check_output
transformers.testing_utils run_test_in_subprocess	always	run_test_in_subprocess calls multiprocessing.context.DefaultContext.get_context
transformers.testing_utils run_test_using_subprocess	always	run_test_using_subprocess calls subprocess.run
transformers.testing_utils torchrun	always	torchrun calls tempfile.NamedTemporaryFile
transformers.testing_utils write_ci_module_graph	always	write_ci_module_graph calls io.open
transformers.testing_utils write_file	always	write_file calls io.open
transformers.tokenization_mistral_common load_audio_as	always	load_audio_as calls io.open
transformers.tokenization_utils_base custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.tokenization_utils_base find_sentencepiece_model_file	always	find_sentencepiece_model_file calls posix.listdir
transformers.tokenization_utils_base load_vocab_and_merges	always	load_vocab_and_merges calls io.open
transformers.trainer get_last_checkpoint	always	get_last_checkpoint calls posix.listdir
transformers.trainer load_sharded_checkpoint	always	load_sharded_checkpoint calls io.open
transformers.trainer remove_dummy_checkpoint	always	remove_dummy_checkpoint calls posix.remove
transformers.trainer rotate_checkpoints	always	rotate_checkpoints calls shutil.rmtree
transformers.trainer save_tpu_checkpoint	always	save_tpu_checkpoint calls os.makedirs
transformers.trainer_pt_utils remove_dummy_checkpoint	always	remove_dummy_checkpoint calls posix.remove
transformers.trainer_pt_utils save_metrics	always	save_metrics calls io.open
transformers.trainer_utils TrainerMemoryTracker	call	TrainerMemoryTracker.__init__ -> is_psutil_available -> _is_package_available calls importlib.import_module
transformers.trainer_utils get_last_checkpoint	always	get_last_checkpoint calls posix.listdir
transformers.trainer_utils load_sharded_checkpoint	always	load_sharded_checkpoint calls io.open
transformers.trainer_utils rotate_checkpoints	always	rotate_checkpoints calls shutil.rmtree
transformers.training_args TrainingArguments	call	TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
transformers.training_args_seq2seq Seq2SeqTrainingArguments	call	Seq2SeqTrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
transformers.utils is_timm_local_checkpoint	always	is_timm_local_checkpoint calls io.open
transformers.utils safe_load_json_file	always	safe_load_json_file calls io.open
transformers.utils.generic is_timm_local_checkpoint	always	is_timm_local_checkpoint calls io.open
transformers.utils.generic safe_load_json_file	always	safe_load_json_file calls io.open
transformers.utils.hub get_checkpoint_shard_files	always	get_checkpoint_shard_files calls io.open
transformers.utils.loading_report _get_terminal_width	always	_get_terminal_width calls shutil.get_terminal_size
transformers.utils.logging _configure_library_root_logger	always	_configure_library_root_logger calls io.open
transformers.utils.logging add_handler	always	add_handler -> _configure_library_root_logger calls io.open
transformers.utils.logging captureWarnings	always	captureWarnings -> get_logger -> _configure_library_root_logger calls io.open
transformers.utils.logging disable_default_handler	always	disable_default_handler -> _configure_library_root_logger calls io.open
transformers.utils.logging disable_propagation	always	disable_propagation -> _configure_library_root_logger calls io.open
transformers.utils.logging enable_default_handler	always	enable_default_handler -> _configure_library_root_logger calls io.open
transformers.utils.logging enable_propagation	always	enable_propagation -> _configure_library_root_logger calls io.open
transformers.utils.logging get_logger	always	get_logger -> _configure_library_root_logger calls io.open
transformers.utils.logging get_verbosity	always	get_verbosity -> _configure_library_root_logger calls io.open
transformers.utils.logging remove_handler	always	remove_handler -> _configure_library_root_logger calls io.open
transformers.utils.logging set_verbosity	always	set_verbosity -> _configure_library_root_logger calls io.open
transformers.utils.logging set_verbosity_debug	always	set_verbosity_debug -> set_verbosity -> _configure_library_root_logger calls io.open
transformers.utils.logging set_verbosity_error	always	set_verbosity_error -> set_verbosity -> _configure_library_root_logger calls io.open
transformers.utils.logging set_verbosity_info	always	set_verbosity_info -> set_verbosity -> _configure_library_root_logger calls io.open
transformers.utils.logging set_verbosity_warning	always	set_verbosity_warning -> set_verbosity -> _configure_library_root_logger calls io.open
transformers.video_processing_utils custom_object_save	always	custom_object_save calls shutil.copyfile
transformers.video_processing_utils load_video	always	load_video calls urllib.parse.urlparse
transformers.video_processing_utils safe_load_json_file	always	safe_load_json_file calls io.open
transformers.video_utils load_video	always	load_video calls urllib.parse.urlparse
trl.experimental.a2po.a2po_config A2POConfig	call	A2POConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.async_distillation.async_distillation_config AsyncDistillationConfig	call	AsyncDistillationConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.async_grpo.async_grpo_config AsyncGRPOConfig	call	AsyncGRPOConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.bco.bco_config BCOConfig	call	BCOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.cpo.cpo_config CPOConfig	call	CPOConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.distillation DistillationConfig	call	DistillationConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.distillation.distillation_config DistillationConfig	call	DistillationConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.dppo.dppo_config DPPOConfig	call	DPPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.gkd.gkd_config GKDConfig	call	GKDConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.gmpo.gmpo_config GMPOConfig	call	GMPOConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.gold.gold_config GOLDConfig	call	GOLDConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.grpo_with_replay_buffer.grpo_with_replay_buffer_config GRPOWithReplayBufferConfig	call	GRPOWithReplayBufferConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.iw_opd.iw_opd_config IWOPDConfig	call	IWOPDConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.kto KTOConfig	call	KTOConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.kto.kto_config KTOConfig	call	KTOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.minillm.minillm_config MiniLLMConfig	call	MiniLLMConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.nash_md.nash_md_config NashMDConfig	call	NashMDConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.online_dpo.online_dpo_config OnlineDPOConfig	call	OnlineDPOConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.orpo.orpo_config ORPOConfig	call	ORPOConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.papo.papo_config PAPOConfig	call	PAPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.ppo.ppo_config PPOConfig	call	PPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.prm.prm_config PRMConfig	call	PRMConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.sdft.sdft_config SDFTConfig	call	SDFTConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.sdpo.sdpo_config SDPOConfig	call	SDPOConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.self_distillation.self_distillation_config SelfDistillationConfig	call	SelfDistillationConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.server_distillation.server_distillation_config ServerDistillationConfig	call	ServerDistillationConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.ssd.ssd_config SSDConfig	call	SSDConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.tpo.tpo_config TPOConfig	call	TPOConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.experimental.xpo.xpo_config XPOConfig	call	XPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.base_config BaseConfig	call	BaseConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.base_config _BaseConfig	call	_BaseConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.bco_config BCOConfig	call	BCOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.cpo_config CPOConfig	call	CPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.distillation_config DistillationConfig	call	DistillationConfig inherits _BaseConfig: _BaseConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.dpo_config DPOConfig	call	DPOConfig inherits _BaseConfig: _BaseConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.gkd_config GKDConfig	call	GKDConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.grpo_config GRPOConfig	call	GRPOConfig inherits _BaseConfig: _BaseConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.iterative_sft_config IterativeSFTConfig	call	IterativeSFTConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.kto_config KTOConfig	call	KTOConfig inherits _BaseConfig: _BaseConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.nash_md_config NashMDConfig	call	NashMDConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.online_dpo_config OnlineDPOConfig	call	OnlineDPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.orpo_config ORPOConfig	call	ORPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.ppo_config PPOConfig	call	PPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.ppov2_config PPOv2Config	call	PPOv2Config (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.prm_config PRMConfig	call	PRMConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.reward_config RewardConfig	call	RewardConfig inherits _BaseConfig: _BaseConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.rloo_config RLOOConfig	call	RLOOConfig inherits _BaseConfig: _BaseConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.sft_config SFTConfig	call	SFTConfig inherits _BaseConfig: _BaseConfig inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.training_configs RewardConfig	call	RewardConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
trl.trainer.xpo_config XPOConfig	call	XPOConfig (an older trl release's) inherits TrainingArguments: TrainingArguments.__post_init__ -> TrainingArguments._process_fsdp_args calls io.open
ultralytics.nn.tasks ClassificationModel	call	ClassificationModel.__init__ -> ClassificationModel._from_yaml -> parse_model calls builtins.eval
ultralytics.nn.tasks DepthModel	call	DepthModel inherits DetectionModel: DetectionModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
ultralytics.nn.tasks DetectionModel	call	DetectionModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
ultralytics.nn.tasks OBBModel	call	OBBModel inherits DetectionModel: DetectionModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
ultralytics.nn.tasks PoseModel	call	PoseModel.__init__ -> yaml_model_load -> YAML.load calls io.open
ultralytics.nn.tasks RTDETRDetectionModel	call	RTDETRDetectionModel inherits DetectionModel: DetectionModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
ultralytics.nn.tasks SegmentationModel	call	SegmentationModel inherits DetectionModel: DetectionModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
ultralytics.nn.tasks SemanticSegmentationModel	call	SemanticSegmentationModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
ultralytics.nn.tasks WorldModel	call	WorldModel inherits DetectionModel: DetectionModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
ultralytics.nn.tasks YOLOEModel	call	YOLOEModel inherits DetectionModel: DetectionModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
ultralytics.nn.tasks YOLOESegModel	call	YOLOESegModel inherits YOLOEModel: YOLOEModel inherits DetectionModel: DetectionModel.__init__ -> _initialize_yolo_model -> parse_model calls builtins.eval
xgboost _py_version	always	_py_version calls io.open
xgboost.collective _find_nccl	always	_find_nccl calls posix.listdir
xgboost.collective broadcast	always	broadcast calls _pickle.dumps
xgboost.core _load_lib	always	_load_lib -> _py_version calls io.open
xgboost.core _py_version	always	_py_version calls io.open
xgboost.sklearn _py_version	always	_py_version calls io.open
xgboost.tracker get_family	always	get_family calls socket.getaddrinfo
"""
